import { CARD_BLOCK_BYTES } from './card-layout';
import type { CardReader, ReaderAttempt, ReaderOpening } from './reader';
import { exchangeLine, parseSimulatorAddress, type SimulatorEndpoint } from './simulator-protocol';

/**
 * The station's side of the simulated reader (`npm run reader:sim`): each attempt asks the simulator
 * over its socket, the way a vendor library asks its reader. A simulator that is not listening is a
 * reader that is not there.
 */
export class SimulatedReader implements CardReader {
  readonly kind = 'simulated' as const;
  private readonly endpoint: SimulatorEndpoint | null;

  constructor(address: string | null) {
    try {
      this.endpoint = parseSimulatorAddress(address);
    } catch {
      this.endpoint = null;
    }
  }

  async open(): Promise<ReaderOpening> {
    const attempt = await this.attempt();
    return attempt.outcome === 'unavailable' ? { ok: false, reason: attempt.reason } : { ok: true, port: null };
  }

  async attempt(): Promise<ReaderAttempt> {
    if (this.endpoint === null) return { outcome: 'unavailable', reason: 'simulator_unreachable' };
    let answer: string;
    try {
      answer = await exchangeLine(this.endpoint, 'read');
    } catch {
      return { outcome: 'unavailable', reason: 'simulator_unreachable' };
    }
    return answerToAttempt(answer);
  }

  async close(): Promise<void> {
    // Nothing held between attempts: each opens its own connection.
  }
}

/** What the simulator's answer to `read` means. */
export function answerToAttempt(answer: string): ReaderAttempt {
  const [word, argument] = answer.split(' ', 2);
  const code = argument !== undefined && /^\d+$/.test(argument) ? Number(argument) : null;
  switch (word) {
    case 'NO_CARD':
      return { outcome: 'no_card' };
    case 'CARD': {
      const block = Buffer.from(argument ?? '', 'base64');
      return block.length <= CARD_BLOCK_BYTES * 2 ? { outcome: 'card', block } : { outcome: 'failed', code: null };
    }
    case 'FAILED':
      return { outcome: 'failed', code };
    case 'UNSUPPORTED':
      return { outcome: 'unsupported', code };
    case 'UNPLUGGED':
      return { outcome: 'unavailable', reason: 'port_unavailable' };
    default:
      return { outcome: 'failed', code: null };
  }
}
