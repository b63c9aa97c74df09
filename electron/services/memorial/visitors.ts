import { randomUUID } from 'node:crypto';
import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import { stationDate } from '../../../shared/domain/age';
import { maskName } from '../../../shared/domain/masking';
import { stationDayBounds, type MessageState, type VisitorRelation, type VisitPurpose } from '../../../shared/domain/visitors';
import type { VisitorSignInRow } from '../../db/rows';
import {
  countPeopleBetween,
  countVisitorSignIns,
  findVisitorSignIn,
  insertVisitorSignIn,
  latestVisitorSignIns,
} from '../../db/repositories/visitors';
import type { Actor } from '../kernel/audit';
import { AppError } from '../kernel/errors';
import { queueForSync } from '../kernel/outbox';
import { leaveVisitorMessage } from './visitor-messages';
import type { StationContext, WriteMoment } from '../kernel/context';
import type { Executor } from '../../db/repositories/executor';

type VisitorSignIn = CallOutput<'visitor:signIn'>;
type VisitorLogEntry = CallOutput<'visitor:list'>['visitors'][number];

function toVisitorSignIn(row: VisitorSignInRow, visitorName: string | null, messageState: MessageState | null): VisitorSignIn {
  return {
    id: row.id,
    visitedAt: row.visited_at,
    partySize: row.party_size,
    purpose: row.purpose as VisitPurpose,
    visitorName: visitorName === null ? null : maskName(visitorName),
    messageState,
  };
}

/**
 * Records, inside the sign-in's transaction, that the family holding an invitation code came. Any text is
 * taken without an error, so the kiosk's answer is the same whether the code was right or not.
 */
export type InvitationCheckIn = (trx: Executor, code: string, actor: Actor, moment: WriteMoment) => Promise<void>;

/** Memorial visitor sign-in and the staff list of visits; names are sealed at rest and masked on screen. */
export class VisitorService {
  constructor(
    private readonly ctx: StationContext,
    private readonly checkInInvitation: InvitationCheckIn = async () => {},
  ) {}

  /**
   * Records a visit (and the message left with it, pending moderation), queues the visit for the
   * provincial system and audits both, all in one transaction. The message is not queued: the province
   * learns of it once staff decide.
   */
  async signIn(input: ParsedInput<'visitor:signIn'>, actor: Actor): Promise<VisitorSignIn> {
    const station = await this.ctx.station.require();
    const now = this.ctx.clock.now();
    const row: VisitorSignInRow = {
      id: randomUUID(),
      station_code: station.code,
      visited_at: now.toISOString(),
      party_size: input.partySize,
      purpose: input.purpose,
      visitor_name: this.ctx.protection.sealOptional(input.visitorName, 'visitor_sign_in.visitor_name'),
      version: 1,
      relation: input.relation,
      group_name: this.ctx.protection.sealOptional(input.groupName, 'visitor_sign_in.group_name'),
    };
    await this.ctx.db.transaction().execute(async (trx) => {
      await insertVisitorSignIn(trx, row);
      await queueForSync(trx, this.ctx.protection, {
        kind: 'visitor_sign_in',
        entityId: row.id,
        version: row.version,
        payload: { ...row, visitor_name: input.visitorName, group_name: input.groupName },
        createdAt: row.visited_at,
      });
      await this.ctx.audit.append(trx, { actor, stationCode: station.code, action: 'create', objectType: 'visitor_sign_in', objectId: row.id });
      if (input.message !== null) {
        await leaveVisitorMessage(trx, this.ctx.protection, this.ctx.audit, {
          signIn: row,
          message: input.message,
          visitorName: input.visitorName,
          actor,
        });
      }
      if (input.invitationCode !== null) await this.checkInInvitation(trx, input.invitationCode, actor, { station, now, at: row.visited_at });
    });
    return toVisitorSignIn(row, input.visitorName, input.message === null ? null : 'pending');
  }

  /** The latest visits, newest first; names are masked, group names shown (staff only). */
  async list(input: ParsedInput<'visitor:list'>): Promise<CallOutput<'visitor:list'>> {
    const [rows, total] = await Promise.all([latestVisitorSignIns(this.ctx.db, input.limit), countVisitorSignIns(this.ctx.db)]);
    return {
      total,
      visitors: rows.map(
        (row): VisitorLogEntry => ({
          ...toVisitorSignIn(row, this.ctx.protection.openOptional(row.visitor_name, 'visitor_sign_in.visitor_name'), row.message_state),
          relation: row.relation as VisitorRelation | null,
          groupName: this.ctx.protection.openOptional(row.group_name, 'visitor_sign_in.group_name'),
        }),
      ),
    };
  }

  /** One visitor's full name for staff; every reveal is audited. */
  async revealName(input: ParsedInput<'visitor:revealName'>, actor: Actor): Promise<CallOutput<'visitor:revealName'>> {
    const station = await this.ctx.station.require();
    const row = await findVisitorSignIn(this.ctx.db, input.id);
    if (!row) throw new AppError('not_found');
    const visitorName = this.ctx.protection.openOptional(row.visitor_name, 'visitor_sign_in.visitor_name');
    await this.ctx.audit.record({ actor, stationCode: station.code, action: 'view_unmasked', objectType: 'visitor_sign_in', objectId: row.id });
    return { id: row.id, visitorName };
  }

  /** People who signed in on the station's current day (Beijing time); a number, nothing about anyone. */
  async todayCount(): Promise<CallOutput<'memorial:todayCount'>> {
    const day = stationDate(this.ctx.clock.now());
    const { from, to } = stationDayBounds(day);
    return { day, people: await countPeopleBetween(this.ctx.db, from, to) };
  }
}
