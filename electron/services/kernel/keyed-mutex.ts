/**
 * Runs tasks one at a time per key, in the order they arrive; tasks under different keys run freely.
 * In memory, for one process: what stops parallel calls from interleaving around a slow step.
 */
export class KeyedMutex {
  /** Per key, a promise that settles once the last queued task has finished. */
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => done);
    this.tails.set(key, tail);
    try {
      await previous;
      return await task();
    } finally {
      release();
      // The last task of a key leaves nothing behind, so the map does not grow with every key ever seen.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
