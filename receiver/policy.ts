import type { Envelope } from '../electron/sync/batch-file';
import type { ReceiverStore } from './store';

/** A provincial rule's refusal of one record (§8.1 `policy_refused`). */
export interface PolicyRefusal {
  reason: string;
  path?: string;
}

/** A rule the deployment adds: null lets the record through. */
export type PolicyHook = (envelope: Envelope) => PolicyRefusal | null;

const PROGRAM_NAMES: Record<string, string> = {
  organ: '器官',
  cornea: '角膜',
  body: '遗体',
  stem_cell: '造血干细胞',
};

/**
 * The rule of §15: one person holds at most one active registration per program across stations. The
 * reason names the other registration by its number and station, never by a personal value (§9.1).
 */
export function duplicateRegistrationRefusal(envelope: Envelope, store: ReceiverStore): PolicyRefusal | null {
  if (envelope.kind !== 'registration') return null;
  const payload = envelope.payload;
  const person = payload.person as Record<string, unknown>;
  if (payload.state !== 'active') return null;
  const [other] = store.activeRegistrationsElsewhere(
    envelope.station,
    String(person.documentKind),
    String(person.documentNumber),
    String(payload.program),
  );
  if (!other) return null;
  const program = PROGRAM_NAMES[String(payload.program)] ?? String(payload.program);
  const stationName = store.stationName(other.station);
  const station = stationName === null ? `${other.station} 登记站` : `${stationName}登记站`;
  const number = other.number ?? other.entityId;
  return { reason: `该证件号已有有效的${program}捐献登记（${number}，${station}），请核实后撤回其中一条。` };
}
