import { isProgram } from '../../shared/domain/programs';

/**
 * The minimal schema check per kind (§8.1 `payload_invalid`): enough for this receiver's own rules, not the
 * full schemas of §5.3. Unknown payload fields are ignored (§4). Returns the dotted path at fault, or null.
 */
export function payloadProblem(kind: string, payload: Record<string, unknown>): string | null {
  if (kind === 'registration') return registrationProblem(payload);
  if (kind === 'tombstone') return tombstoneProblem(payload);
  return null;
}

function registrationProblem(payload: Record<string, unknown>): string | null {
  if (!isProgram(payload.program)) return 'program';
  if (!isObject(payload.person)) return 'person';
  if (typeof payload.person.documentKind !== 'string') return 'person.documentKind';
  if (typeof payload.person.documentNumber !== 'string' || payload.person.documentNumber === '') return 'person.documentNumber';
  if (typeof payload.state !== 'string') return 'state';
  return null;
}

function tombstoneProblem(payload: Record<string, unknown>): string | null {
  if (!Array.isArray(payload.covers)) return 'covers';
  for (const [index, cover] of payload.covers.entries()) {
    if (!isObject(cover)) return `covers.${index}`;
    if (typeof cover.kind !== 'string') return `covers.${index}.kind`;
    if (typeof cover.entityId !== 'string') return `covers.${index}.entityId`;
    if (typeof cover.throughVersion !== 'number' || !Number.isSafeInteger(cover.throughVersion) || cover.throughVersion < 1) {
      return `covers.${index}.throughVersion`;
    }
  }
  return null;
}

/** What a valid tombstone covers (§5.4). */
export function tombstoneCovers(payload: Record<string, unknown>): Array<{ kind: string; entityId: string; throughVersion: number }> {
  return (payload.covers as Array<{ kind: string; entityId: string; throughVersion: number }>).map(({ kind, entityId, throughVersion }) => ({
    kind,
    entityId,
    throughVersion,
  }));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
