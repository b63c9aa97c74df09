import { useEffect, useRef, useState } from 'react';
import { failureOf, type ConsoleFailure } from '../api/client';

/** What a screen read from the hub: the data once there, the failure if any, and the way to read again. */
export interface ConsoleLoad<T> {
  data: T | null;
  error: ConsoleFailure | null;
  loading: boolean;
  reload(): void;
}

/** Reads `load` when the screen opens and whenever `reload` is called or `key` changes; a late answer to an older read is dropped. */
export function useConsoleLoad<T>(load: () => Promise<T>, key: string): ConsoleLoad<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ConsoleFailure | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  // `load` is a new function at each render: the read follows `key` and `round`, not its identity.
  const latestLoad = useRef(load);
  latestLoad.current = load;
  useEffect(() => {
    let current = true;
    setLoading(true);
    latestLoad.current().then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(failureOf(failure));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [key, round]);
  return { data, error, loading, reload: () => setRound((value) => value + 1) };
}
