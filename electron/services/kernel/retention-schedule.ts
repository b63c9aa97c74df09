/** A day in milliseconds: how often the station purges its old visitor logs. */
export const DAY_MS = 24 * 60 * 60 * 1000;

export interface ScheduledJob {
  /** No further runs; resolves once a run under way has finished, so the database can close after it. */
  stop(): Promise<void>;
}

/**
 * Runs `task` at once and then every `intervalMs` (a day by default) until stopped. Runs never overlap,
 * a failed run is reported and the next one still comes, and the timer never keeps the process alive.
 */
export function scheduleDaily(task: () => Promise<unknown>, onError: (error: unknown) => void, intervalMs = DAY_MS): ScheduledJob {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (stopped || running) return;
    running = task()
      .then(() => undefined, onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  run();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
