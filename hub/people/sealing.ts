import { FieldCipher } from '../../electron/security/field-cipher';
import type { KeyRing } from '../../electron/security/key-ring';
import { normalizeDocumentNumber } from '../../shared/validation/identity-document';

/**
 * The columns sealed values are bound to: the cipher authenticates the column with each value, so a sealed
 * value copied into another column does not open.
 */
export const SEALED_COLUMNS = {
  payload: 'record_version.sealed_payload',
  personFields: 'person.sealed_fields',
  reviewHeld: 'person_review.sealed_held',
  reviewSeen: 'person_review.sealed_seen',
  decisionFieldsBefore: 'review_decision.sealed_fields_before',
} as const;

export type SealedColumn = (typeof SEALED_COLUMNS)[keyof typeof SEALED_COLUMNS];

/** The blind index kind of a person's key; the document kind follows it, so equal numbers of two kinds never meet. */
const PERSON_KEY_KIND = 'person.document';

/**
 * Seals what the hub keeps at rest and keys its people, with the station's field cipher (AES-256-GCM per
 * value, the column as authenticated data, the key id in each value for rotation; HMAC blind indexes under
 * a key derived apart from the sealing key), over the hub's data key ring.
 */
export class HubSealer {
  private readonly cipher: FieldCipher;

  constructor(ring: KeyRing) {
    this.cipher = new FieldCipher(ring);
  }

  /** A record version's canonical payload, sealed for `record_version.sealed_payload` (and its conflicts). */
  sealPayload(canonical: Buffer): Buffer {
    return this.sealText(canonical.toString('utf8'), SEALED_COLUMNS.payload);
  }

  /** The canonical payload text of a sealed payload. */
  openPayload(sealed: Buffer): string {
    return this.openText(sealed, SEALED_COLUMNS.payload);
  }

  /** A value as JSON text, sealed for one column. */
  sealJson(value: unknown, column: SealedColumn): Buffer {
    return this.sealText(JSON.stringify(value), column);
  }

  /** The value a sealed JSON column holds. */
  openJson<T>(sealed: Buffer, column: SealedColumn): T {
    return JSON.parse(this.openText(sealed, column)) as T;
  }

  /**
   * The provincial key of a person: HMAC of the document kind and its normalised number under the current
   * data key. The same document gives the same key at every station; the key alone reveals neither.
   */
  personKey(documentKind: string, documentNumber: string): string {
    return this.cipher.blindIndex(`${PERSON_KEY_KIND}.${documentKind}`, normalizeDocumentNumber(documentNumber));
  }

  /** The person's key under every data key held, current first: people keyed before a rotation are still found. */
  personKeyCandidates(documentKind: string, documentNumber: string): string[] {
    return this.cipher.blindIndexCandidates(`${PERSON_KEY_KIND}.${documentKind}`, normalizeDocumentNumber(documentNumber));
  }

  private sealText(text: string, column: SealedColumn): Buffer {
    return Buffer.from(this.cipher.seal(text, column), 'utf8');
  }

  private openText(sealed: Buffer, column: SealedColumn): string {
    return this.cipher.open(sealed.toString('utf8'), column);
  }
}
