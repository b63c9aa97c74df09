import type { ConsentPurpose } from '../../../shared/domain/consents';
import type { RegistrationEvent } from '../../../shared/domain/registration';
import type { RegistrationRow } from '../../db/rows';
import type { Executor } from '../../db/repositories/executor';
import { currentConsents } from '../../db/repositories/people';
import { insertRegistrationVersion } from '../../db/repositories/registrations';
import type { Actor } from '../kernel/audit';
import { queueForSync } from '../kernel/outbox';
import type { PersonalFields } from './person-registry';
import type { StationContext } from '../kernel/context';

/** What one change of a registration leaves behind, besides the record's new current state. */
export interface RegistrationChange {
  row: RegistrationRow;
  /** The choice in plain form (the row holds it sealed). */
  choice: unknown;
  event: RegistrationEvent;
  note: string | null;
  person: PersonalFields;
  stationCode: string;
  actor: Actor;
  at: string;
}

/**
 * The history of registrations: every change writes a version row, an audit entry and, when the
 * person consented to reporting, an outbox entry for the provincial system, all in the caller's
 * transaction. A record never changes without all of them.
 */
export class RegistrationJournal {
  constructor(private readonly ctx: StationContext) {}

  async record(trx: Executor, change: RegistrationChange): Promise<void> {
    const { row } = change;
    await insertRegistrationVersion(trx, {
      registration_id: row.id,
      version: row.version,
      event: change.event,
      state: row.state,
      at: change.at,
      actor_id: change.actor.id,
      actor_role: change.actor.role,
      details: this.ctx.protection.seal(JSON.stringify(versionDetails(change)), 'registration_version.details'),
      stem_cell_status: row.stem_cell_status,
      note: this.ctx.protection.sealOptional(change.note, 'registration_version.note'),
    });
    await this.ctx.audit.append(trx, {
      actor: change.actor,
      stationCode: change.stationCode,
      action: auditActionOf(change.event),
      objectType: 'registration',
      objectId: row.id,
      detail: { number: row.number, program: row.program, event: change.event, version: row.version },
    });
    const consents = await currentConsents(trx, row.person_id);
    const granted = (purpose: ConsentPurpose) => consents.some((consent) => consent.purpose === purpose && consent.granted === 1);
    if (!granted('provincial_sync')) return;
    await queueForSync(trx, this.ctx.protection, {
      kind: 'registration',
      entityId: row.id,
      version: row.version,
      payload: {
        id: row.id,
        number: row.number,
        personId: row.person_id,
        program: row.program,
        state: row.state,
        version: row.version,
        event: change.event,
        channel: row.channel,
        choice: change.choice,
        stemCellStatus: row.stem_cell_status,
        sampleBarcode: row.sample_barcode,
        realisedOn: row.realised_on,
        heardFrom: row.heard_from,
        heardFromSessionId: row.heard_from_session_id,
        person: change.person,
        consents: consents.map((consent) => ({ purpose: consent.purpose, granted: consent.granted === 1, textVersion: consent.text_version, at: consent.at })),
        at: change.at,
      },
      createdAt: change.at,
      personId: row.person_id,
      recordCreatedAt: row.created_at,
    });
  }
}

/**
 * What a version row keeps: the choice, and how the person heard of donation as the record holds it
 * (asked at registration, the same in every later version).
 */
function versionDetails(change: RegistrationChange): unknown {
  const { row } = change;
  const heardFrom = row.heard_from === null ? null : { kind: row.heard_from, sessionId: row.heard_from_session_id };
  return { ...(change.choice as object), heardFrom };
}

function auditActionOf(event: RegistrationEvent) {
  if (event === 'created') return 'create' as const;
  if (event === 'withdrawn') return 'withdraw' as const;
  if (event === 'realised') return 'realise' as const;
  return 'amend' as const;
}
