/**
 * How many saves and prints are under way in this window. A kiosk must never forget its visitor while
 * a registration is being saved or a receipt printed, so the idle wipe holds while this is above zero.
 * The station client counts every call that is not a screen refreshing itself, and every print.
 */
let underWay = 0;
const listeners = new Set<() => void>();

function changed(by: number): void {
  underWay += by;
  for (const listener of listeners) listener();
}

/** Counts `work` as under way until it settles, and answers it unchanged. */
export async function whileWorking<T>(work: Promise<T>): Promise<T> {
  changed(1);
  try {
    return await work;
  } finally {
    changed(-1);
  }
}

/** Whether any save or print is under way now. */
export function isWorking(): boolean {
  return underWay > 0;
}

/** Hears every start and end of a piece of work; returns the unsubscribe function. */
export function onWorkChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
