import { aidCaseStates, aidProgrammes, aidSteps } from '../../shared/domain/aid';
import { isProgram } from '../../shared/domain/programs';

/**
 * The minimal schema check per kind (§8.1 `payload_invalid`): enough for this receiver's own rules, not the
 * full schemas of §5.3. Unknown payload fields are ignored (§4). Returns the dotted path at fault, or null.
 */
export function payloadProblem(kind: string, payload: Record<string, unknown>): string | null {
  if (kind === 'registration') return registrationProblem(payload);
  if (kind === 'tombstone') return tombstoneProblem(payload);
  if (kind === 'aid_case') return aidCaseProblem(payload);
  if (kind === 'donor_family') return donorFamilyProblem(payload);
  if (kind === 'family_care_year') return familyCareYearProblem(payload);
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

/**
 * A donor family carries figures and consents, never a person: a payload holding members' details is refused
 * as a whole, so a station that would leak them learns of it at once.
 */
function donorFamilyProblem(payload: Record<string, unknown>): string | null {
  if (typeof payload.id !== 'string' || payload.id === '') return 'id';
  if (typeof payload.registrationId !== 'string') return 'registrationId';
  if (typeof payload.donatedOn !== 'string') return 'donatedOn';
  if (typeof payload.doNotContact !== 'boolean') return 'doNotContact';
  if (!Array.isArray(payload.consents)) return 'consents';
  for (const [index, consent] of payload.consents.entries()) {
    if (!isObject(consent) || typeof consent.purpose !== 'string' || typeof consent.granted !== 'boolean') return `consents.${index}`;
  }
  if (!isCount(payload.memberCount)) return 'memberCount';
  for (const personal of ['members', 'name', 'phone', 'address', 'needs']) if (personal in payload) return personal;
  return null;
}

/** A family's care in one year: counts only. */
function familyCareYearProblem(payload: Record<string, unknown>): string | null {
  if (typeof payload.familyId !== 'string' || payload.familyId === '') return 'familyId';
  if (typeof payload.year !== 'number' || !Number.isSafeInteger(payload.year)) return 'year';
  if (!isObject(payload.contacts)) return 'contacts';
  for (const [kind, count] of Object.entries(payload.contacts)) if (!isCount(count)) return `contacts.${kind}`;
  for (const field of ['followUpsDone', 'followUpsStopped', 'invitations', 'accepted', 'attended']) if (!isCount(payload[field])) return field;
  return null;
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** What a valid tombstone covers (§5.4). */
export function tombstoneCovers(payload: Record<string, unknown>): Array<{ kind: string; entityId: string; throughVersion: number }> {
  return (payload.covers as Array<{ kind: string; entityId: string; throughVersion: number }>).map(({ kind, entityId, throughVersion }) => ({
    kind,
    entityId,
    throughVersion,
  }));
}

/** An aid case: whose family and donation, which programme and state, the amounts in whole fen, the steps taken. */
function aidCaseProblem(payload: Record<string, unknown>): string | null {
  if (typeof payload.familyId !== 'string' || payload.familyId === '') return 'familyId';
  if (typeof payload.registrationId !== 'string' || payload.registrationId === '') return 'registrationId';
  if (!isOneOf(payload.programme, aidProgrammes)) return 'programme';
  if (typeof payload.causeKey !== 'string' || payload.causeKey === '') return 'causeKey';
  if (!isOneOf(payload.state, aidCaseStates)) return 'state';
  if (!isWholeFen(payload.amountAskedFen)) return 'amountAskedFen';
  if (payload.amountGrantedFen !== null && !isWholeFen(payload.amountGrantedFen)) return 'amountGrantedFen';
  if (!Array.isArray(payload.steps) || payload.steps.length === 0) return 'steps';
  for (const [index, step] of payload.steps.entries()) {
    if (!isObject(step)) return `steps.${index}`;
    if (!isOneOf(step.step, aidSteps)) return `steps.${index}.step`;
    if (typeof step.at !== 'string') return `steps.${index}.at`;
  }
  return null;
}

function isOneOf(value: unknown, allowed: readonly string[]): boolean {
  return typeof value === 'string' && allowed.includes(value);
}

/** A sum of money in fen: a whole number above nothing. */
function isWholeFen(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
