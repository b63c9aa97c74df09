import { randomUUID } from 'node:crypto';
import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import type { PersonRow } from '../../db/rows';
import type { Executor } from '../../db/repositories/executor';
import { findHeldChange, settleHeldChange } from '../../db/repositories/kiosk-held-changes';
import { currentConsents, findPersonById, insertRefusal, revokeRefusal, standingRefusal } from '../../db/repositories/people';
import { registrationsOf } from '../../db/repositories/registrations';
import type { Actor } from '../kernel/audit';
import { AppError } from '../kernel/errors';
import { queueForSync } from '../kernel/outbox';
import { openPersonal, type PersonalFields, type PersonRegistry } from './person-registry';
import type { PersonRecords } from './person-records';
import { personalFieldsOf, storeSignature } from './registrations';
import { assertEnoughInk } from '../kernel/signature-ink';
import { writeAs, type StationContext } from '../kernel/context';

/**
 * Changes to a person rather than to one registration: new contact details, and the refusal of
 * donation (不同意捐献) with its revocation. Each is audited; contact changes reach the provincial
 * system when the person consented to reporting, refusals always, since no one may consent for a
 * person who refused.
 */
export class PersonChanges {
  constructor(
    private readonly ctx: StationContext,
    private readonly people: PersonRegistry,
    private readonly records: PersonRecords,
  ) {}

  /** New name or phone; the document never changes. The earlier version is kept. */
  async amendContact(input: ParsedInput<'person:amend'>, actor: Actor): Promise<CallOutput<'person:get'>> {
    return writeAs(this.ctx, async (trx, { station, at }) => {
      const current = await this.currentVersion(trx, input.personId, input.expectedVersion);
      const fields: PersonalFields = { ...openPersonal(this.ctx.protection, current), name: input.name, phone: input.phone };
      const row = await this.writeContact(trx, current, fields, actor, station.code, at, input.reason, {});
      return this.records.read(trx, row.id);
    });
  }

  /** Applies a phone held from the public kiosk, once a staff member has seen the person: a new version. */
  async confirmHeldChange(input: ParsedInput<'person:confirmHeldChange'>, actor: Actor): Promise<CallOutput<'person:get'>> {
    return writeAs(this.ctx, async (trx, { station, at }) => {
      const current = await this.currentVersion(trx, input.personId, input.expectedVersion);
      const held = await this.settleHeld(trx, input, 'confirmed', actor, at);
      const fields: PersonalFields = { ...openPersonal(this.ctx.protection, current), phone: this.ctx.protection.open(held.phone, 'kiosk_held_change.phone') };
      const row = await this.writeContact(trx, current, fields, actor, station.code, at, null, { heldChange: held.id });
      return this.records.read(trx, row.id);
    });
  }

  /** Drops a phone held from the public kiosk; the person stays as they are. Audited. */
  async discardHeldChange(input: ParsedInput<'person:discardHeldChange'>, actor: Actor): Promise<CallOutput<'person:get'>> {
    return writeAs(this.ctx, async (trx, { station, at }) => {
      await this.currentVersion(trx, input.personId, input.expectedVersion);
      const held = await this.settleHeld(trx, input, 'discarded', actor, at);
      await this.ctx.audit.append(trx, { actor, stationCode: station.code, action: 'cancel', objectType: 'kiosk_held_change', objectId: held.id, detail: { personId: input.personId } });
      return this.records.read(trx, input.personId);
    });
  }

  private async currentVersion(trx: Executor, personId: string, expectedVersion: number): Promise<PersonRow> {
    const current = await findPersonById(trx, personId);
    if (!current) throw new AppError('not_found');
    if (current.version !== expectedVersion) throw new AppError('version_conflict');
    return current;
  }

  /** Settles a pending held change of this person; `not_found` for another person's or one settled already. */
  private async settleHeld(trx: Executor, input: { personId: string; heldChangeId: string }, state: 'confirmed' | 'discarded', actor: Actor, at: string) {
    const held = await findHeldChange(trx, input.heldChangeId);
    if (!held || held.person_id !== input.personId || !(await settleHeldChange(trx, held.id, state, at, actor.id))) throw new AppError('not_found');
    return held;
  }

  /** A new version of the person's contact details, audited, and queued for the province when they consented. */
  private async writeContact(
    trx: Executor,
    current: PersonRow,
    fields: PersonalFields,
    actor: Actor,
    stationCode: string,
    at: string,
    reason: string | null,
    detail: Record<string, unknown>,
  ): Promise<PersonRow> {
    const row = await this.people.amend(trx, current, fields, actor, at, reason);
    await this.ctx.audit.append(trx, { actor, stationCode, action: 'amend', objectType: 'person', objectId: row.id, detail: { version: row.version, ...detail } });
    const consents = await currentConsents(trx, row.id);
    if (consents.some((consent) => consent.purpose === 'provincial_sync' && consent.granted === 1)) {
      await queueForSync(trx, this.ctx.protection, { kind: 'person', entityId: row.id, version: row.version, payload: { id: row.id, version: row.version, person: fields, at }, createdAt: at, personId: row.id, recordCreatedAt: row.created_at });
    }
    return row;
  }

  /**
   * Records a refusal for the person found by document (or created). Refused while the person still
   * has active registrations (`active_registrations_exist`): withdrawing them is the person's own,
   * separate decision. A refusal already standing is returned as it is, never recorded twice.
   */
  async recordRefusal(input: ParsedInput<'refusal:record'>, actor: Actor): Promise<CallOutput<'refusal:record'>> {
    if (input.signature.kind === 'drawn') assertEnoughInk(input.signature.image, 'signature.image');
    const station = await this.ctx.station.require();
    const at = this.ctx.clock.now().toISOString();
    const fields = personalFieldsOf(input.person);
    return this.ctx.db.transaction().execute(async (trx) => {
      const { row: person } = await this.people.findOrCreate(trx, fields, station.code, actor, at);
      const standing = await standingRefusal(trx, person.id);
      if (standing) return { personId: person.id, refusalId: standing.id, recordedAt: standing.recorded_at };
      const active = (await registrationsOf(trx, [person.id])).filter((row) => row.state === 'active');
      if (active.length > 0) throw new AppError('active_registrations_exist');
      const id = randomUUID();
      const signatureId = await storeSignature(trx, this.ctx.protection, person.id, input.signature, at);
      await insertRefusal(trx, {
        id,
        person_id: person.id,
        recorded_at: at,
        statement: this.ctx.protection.sealOptional(input.statement, 'refusal.statement'),
        signature_id: signatureId,
        revoked_at: null,
        revoke_reason: null,
      });
      await this.journal(trx, { kind: 'refusal', id, version: 1, payload: { id, personId: person.id, state: 'standing', person: fields, at }, actor, stationCode: station.code, action: 'create', at });
      return { personId: person.id, refusalId: id, recordedAt: at };
    });
  }

  /** Revokes the standing refusal at the person's request, so that they may register. */
  async revokeRefusal(input: ParsedInput<'refusal:revoke'>, actor: Actor): Promise<CallOutput<'person:get'>> {
    return writeAs(this.ctx, async (trx, { station, at }) => {
      const person = await findPersonById(trx, input.personId);
      if (!person) throw new AppError('not_found');
      const standing = await standingRefusal(trx, person.id);
      if (!standing) throw new AppError('not_found');
      await revokeRefusal(trx, standing.id, at, this.ctx.protection.seal(input.reason, 'refusal.revoke_reason'));
      const fields = openPersonal(this.ctx.protection, person);
      await this.journal(trx, { kind: 'refusal', id: standing.id, version: 2, payload: { id: standing.id, personId: person.id, state: 'revoked', person: fields, at }, actor, stationCode: station.code, action: 'withdraw', at });
      return this.records.read(trx, person.id);
    });
  }

  private async journal(
    trx: Executor,
    entry: { kind: 'refusal'; id: string; version: number; payload: unknown; actor: Actor; stationCode: string; action: 'create' | 'withdraw'; at: string },
  ): Promise<void> {
    await this.ctx.audit.append(trx, { actor: entry.actor, stationCode: entry.stationCode, action: entry.action, objectType: entry.kind, objectId: entry.id });
    await queueForSync(trx, this.ctx.protection, { kind: entry.kind, entityId: entry.id, version: entry.version, payload: entry.payload, createdAt: entry.at });
  }
}
