import { createRandom } from '../../shared/random/seeded-random';

/**
 * Faults the hub's HTTP API can be told to inject, to exercise a station's retries against a real hub. Only a
 * hub started in the same process (`startHubServer`) takes them; `hub serve` never offers them. Decisions come
 * from a seeded PRNG, so a test with a fixed seed sees the same faults in the same order every run.
 */
export interface FaultOptions {
  seed?: number;
  /** Cut the connection before anything is taken. */
  dropBeforeRate?: number;
  /** Take the batch and commit, then cut the connection: the answer is lost. */
  dropAfterRate?: number;
  /** 500 internal_error, nothing taken. */
  errorRate?: number;
  /** 503 unavailable with Retry-After: 1, nothing taken. */
  unavailableRate?: number;
  /** Delay the answer by slowMs. */
  slowRate?: number;
  slowMs?: number;
  /** Answer 200 with the stored acknowledgement of another batch of the same station (after taking this one). */
  duplicateAckRate?: number;
  /** Reject single lines with temporarily_unavailable. */
  recordUnavailableRate?: number;
}

/** How many times each fault was injected so far. */
export interface FaultCounts {
  dropBefore: number;
  dropAfter: number;
  error: number;
  unavailable: number;
  slow: number;
  duplicateAck: number;
  recordUnavailable: number;
}

type FaultName = keyof FaultCounts;

const RATE_OF: Record<FaultName, keyof FaultOptions> = {
  dropBefore: 'dropBeforeRate',
  dropAfter: 'dropAfterRate',
  error: 'errorRate',
  unavailable: 'unavailableRate',
  slow: 'slowRate',
  duplicateAck: 'duplicateAckRate',
  recordUnavailable: 'recordUnavailableRate',
};

/** Draws the faults of one running server and counts those that struck. */
export class FaultInjector {
  readonly counts: FaultCounts = { dropBefore: 0, dropAfter: 0, error: 0, unavailable: 0, slow: 0, duplicateAck: 0, recordUnavailable: 0 };
  private readonly random: () => number;

  constructor(private readonly options: FaultOptions = {}) {
    for (const name of Object.keys(RATE_OF) as FaultName[]) {
      const rate = options[RATE_OF[name]] ?? 0;
      if (!(rate >= 0 && rate <= 1)) throw new RangeError(`fault rate ${RATE_OF[name]} must be between 0 and 1`);
    }
    this.random = createRandom(options.seed ?? 1);
  }

  get slowMs(): number {
    return this.options.slowMs ?? 2000;
  }

  /**
   * Draws whether the fault happens now and counts it. A fault whose rate is zero draws nothing, so turning
   * one fault on does not change the sequence of another.
   */
  strikes(name: FaultName): boolean {
    const rate = this.options[RATE_OF[name]] ?? 0;
    if (rate <= 0) return false;
    const hit = this.random() < rate;
    if (hit) this.counts[name] += 1;
    return hit;
  }
}
