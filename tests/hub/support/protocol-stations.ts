import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { envelopeLine, writeBatchFile, type Envelope } from '../../../electron/sync/batch-file';
import type { Executor } from '../../../hub/db/repositories/executor';
import { addStationKey } from '../../../hub/db/repositories/stations';
import { PROVINCE, registerStation, sha256Hex } from './batches';

/** A line of a station's outbox, before it is numbered. */
export interface OutboxLine {
  kind: string;
  entityId: string;
  version: number;
  payload: Record<string, unknown>;
  changedAt?: string;
}

/** A person's details as a registration carries them (docs/sync-protocol.md §5.3). */
export interface PersonShape {
  name: string;
  documentKind: string;
  documentNumber: string;
  birthDate: string;
  sex?: string;
  phone?: string | null;
}

/**
 * A station that writes signed batch files from lines built with the protocol's shapes: its own Ed25519 key,
 * its outbox seq and batch numbers. Lines numbered once and written again are re-sends.
 */
export class ProtocolStation {
  private readonly keys: { privateKey: KeyObject; publicKey: KeyObject };
  private nextSeq = 1;
  private nextBatchSeq = 1;

  constructor(readonly code: string) {
    this.keys = generateKeyPairSync('ed25519');
  }

  /** Registers the station and its signing key at the hub. */
  async registerAt(db: Executor): Promise<void> {
    await registerStation(db, this.code);
    const publicKeySpki = this.keys.publicKey.export({ type: 'spki', format: 'der' });
    await addStationKey(db, { provinceCode: PROVINCE, stationCode: this.code, publicKeySpki, registeredAt: '2026-11-01T00:00:00.000Z' });
  }

  /** Numbers the lines in the outbox; the envelopes come back to be written in batches. */
  queue(...lines: OutboxLine[]): Envelope[] {
    return lines.map((line) => {
      const at = line.changedAt ?? `2026-11-${String(10 + (this.nextSeq % 18)).padStart(2, '0')}T08:00:00.000Z`;
      return { seq: this.nextSeq++, kind: line.kind, entityId: line.entityId, version: line.version, station: this.code, createdAt: at, changedAt: at, payload: line.payload };
    });
  }

  /**
   * A plain `.rsb` file holding these envelopes; `range` is the contiguous outbox range the batch covers
   * (by default the envelopes' own), and envelopes outside it are re-sends.
   */
  batchFile(envelopes: Envelope[], range: { firstSeq: number | null; lastSeq: number | null } = rangeOf(envelopes)): Buffer {
    const batchSeq = this.nextBatchSeq++;
    const sorted = [...envelopes].sort((a, b) => a.seq - b.seq);
    const written = writeBatchFile(
      { stationCode: this.code, batchSeq, ...range, omittedCount: 0, createdAt: '2026-12-01T00:00:00.000Z', auditHead: { seq: batchSeq, hash: sha256Hex(`${this.code} ${batchSeq}`) }, software: 'relay-station/test' },
      sorted.map((envelope) => ({ seq: envelope.seq, kind: envelope.kind, line: envelopeLine(envelope) })),
      this.keys.privateKey,
    );
    return written.file;
  }
}

function rangeOf(envelopes: Envelope[]): { firstSeq: number; lastSeq: number } {
  const seqs = envelopes.map((envelope) => envelope.seq);
  return { firstSeq: Math.min(...seqs), lastSeq: Math.max(...seqs) };
}

/** What a registration payload says besides its person; left out, a cornea registration's first version, active. */
export interface RegistrationShape {
  program?: string;
  state?: string;
  version?: number;
  /** `stemCellStatus`; null when left out. */
  stemCellStatus?: string | null;
  /** The person's `follow_up_contact` consent among the current consents; not among them when left out. */
  followUpContact?: boolean;
}

/** A `registration` payload (§5.3) of one program, in a state, for a person. */
export function registrationPayload(registrationId: string, personId: string, person: PersonShape, options: RegistrationShape = {}): Record<string, unknown> {
  const program = options.program ?? 'cornea';
  const state = options.state ?? 'active';
  const version = options.version ?? 1;
  const consents = [{ purpose: 'provincial_sync', granted: true, textVersion: '2026-11', at: '2026-11-10T08:00:00.000Z' }];
  if (options.followUpContact !== undefined) consents.push({ purpose: 'follow_up_contact', granted: options.followUpContact, textVersion: '2026-11', at: '2026-11-10T08:00:00.000Z' });
  return {
    id: registrationId,
    number: `REG-${registrationId.slice(0, 8)}`,
    personId,
    program,
    state,
    version,
    event: state === 'withdrawn' ? 'withdrawn' : version === 1 ? 'created' : 'amended',
    channel: 'staff',
    choice: { program },
    stemCellStatus: options.stemCellStatus ?? null,
    sampleBarcode: null,
    realisedOn: null,
    heardFrom: null,
    heardFromSessionId: null,
    person: { name: person.name, documentKind: person.documentKind, documentNumber: person.documentNumber, phone: person.phone ?? '13812345678', ethnicGroup: '01', birthDate: person.birthDate, sex: person.sex ?? 'male' },
    consents,
    at: '2026-11-10T08:00:00.000Z',
  };
}

/** A `person` line (§5.3): a contact change at the station, the person's details as amended, at a moment. */
export function personLine(personId: string, version: number, person: PersonShape, changedAt: string): OutboxLine {
  const details = { name: person.name, documentKind: person.documentKind, documentNumber: person.documentNumber, phone: person.phone ?? '13812345678', ethnicGroup: '01', birthDate: person.birthDate, sex: person.sex ?? 'male' };
  return { kind: 'person', entityId: personId, version, changedAt, payload: { id: personId, version, person: details, at: changedAt } };
}

/** A consent tombstone (§5.4) naming records through a version. */
export function tombstoneLine(personId: string, covers: Array<{ kind: string; entityId: string; throughVersion: number }>): OutboxLine {
  return {
    kind: 'tombstone',
    entityId: randomUUID(),
    version: 1,
    payload: { reason: 'consent_withdrawn', purpose: 'provincial_sync', personId, withdrawnAt: '2026-12-02T03:05:11.940Z', covers },
  };
}
