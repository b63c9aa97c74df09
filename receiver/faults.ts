import { createRandom } from '../shared/random/seeded-random';

/**
 * Injected faults for exercising a station's retries against this receiver. Decisions come from a seeded
 * PRNG (the one the station's fake people use), so a test with a fixed seed sees the same faults in the
 * same order every run.
 */

export interface FaultOptions {
  seed?: number;
  /** Destroy the socket before processing. */
  dropBeforeRate?: number;
  /** Process and commit, then destroy the socket: the answer is lost. */
  dropAfterRate?: number;
  /** 500 internal_error, nothing processed. */
  errorRate?: number;
  /** 503 unavailable with Retry-After: 1, nothing processed. */
  unavailableRate?: number;
  /** Delay the answer by slowMs. */
  slowRate?: number;
  slowMs?: number;
  /** Answer 200 with the stored acknowledgement of an earlier batch of the same station (after processing this one). */
  duplicateAckRate?: number;
  /** Reject single records with temporarily_unavailable. */
  recordUnavailableRate?: number;
}

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
   * Draws whether the fault happens now and counts it. A fault whose rate is zero draws nothing, so
   * turning one fault on does not change the sequence of another.
   */
  strikes(name: FaultName): boolean {
    const rate = (this.options[RATE_OF[name]] as number | undefined) ?? 0;
    if (rate <= 0) return false;
    const hit = this.random() < rate;
    if (hit) this.counts[name] += 1;
    return hit;
  }
}

/** `drop=0.1,error=0.05,slow=0.2,slowMs=3000,seed=7` (the command line's --faults) as options. */
export function parseFaults(text: string): FaultOptions {
  const names: Record<string, keyof FaultOptions> = {
    seed: 'seed',
    drop: 'dropBeforeRate',
    dropBefore: 'dropBeforeRate',
    dropAfter: 'dropAfterRate',
    error: 'errorRate',
    unavailable: 'unavailableRate',
    slow: 'slowRate',
    slowMs: 'slowMs',
    duplicateAck: 'duplicateAckRate',
    recordUnavailable: 'recordUnavailableRate',
  };
  const options: FaultOptions = {};
  for (const part of text.split(',').filter((item) => item.trim() !== '')) {
    const [name = '', value = ''] = part.split('=').map((item) => item.trim());
    const option = names[name];
    const number = Number(value);
    if (!option || value === '' || !Number.isFinite(number)) throw new RangeError(`unknown fault setting: ${part}`);
    options[option] = number;
  }
  return options;
}
