import { randomUUID } from 'node:crypto';
import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import { CONSENT_TEXT_VERSION } from '../../../shared/domain/consents';
import type { Executor } from '../../db/repositories/executor';
import { currentConsents, findPersonById, insertConsents } from '../../db/repositories/people';
import { firstPendingBatchHolding, omitUnsentRowsOf, reportedVersionsOf } from '../../db/repositories/sync';
import type { Actor } from '../kernel/audit';
import { AppError } from '../kernel/errors';
import { queueForSync } from '../kernel/outbox';
import type { PersonRecords } from './person-records';
import { storeSignature } from './registrations';
import { assertEnoughInk } from '../kernel/signature-ink';
import { takeBackBatchesFrom } from '../sync/sync-batches';
import { writeAs, type StationContext } from '../kernel/context';

/**
 * A person's consents changed after registration, each change a new signed consent row (the earlier
 * ones are kept). Withdrawing the consent to report (撤回报送同意) stops the person's records from
 * reaching the province in the same transaction (docs/sync-protocol.md §5.4); giving it again lets
 * later changes through, without re-sending anything from before.
 */
export class PersonConsents {
  constructor(
    private readonly ctx: StationContext,
    private readonly records: PersonRecords,
  ) {}

  async change(input: ParsedInput<'person:consent'>, actor: Actor): Promise<CallOutput<'person:consent'>> {
    if (input.signature.kind === 'drawn') assertEnoughInk(input.signature.image, 'signature.image');
    return writeAs(this.ctx, async (trx, { station, at }) => {
      const person = await findPersonById(trx, input.personId);
      if (!person) throw new AppError('not_found');
      if (person.version !== input.expectedVersion) throw new AppError('version_conflict');
      // A purpose never answered counts as not given, as the outbox rules read it.
      const standing = (await currentConsents(trx, person.id)).find((consent) => consent.purpose === input.purpose);
      if ((standing?.granted === 1) === input.granted) return this.records.read(trx, person.id);

      const signatureId = await storeSignature(trx, this.ctx.protection, person.id, input.signature, at);
      await insertConsents(trx, [
        { person_id: person.id, purpose: input.purpose, granted: input.granted ? 1 : 0, text_version: CONSENT_TEXT_VERSION, at, signature_id: signatureId },
      ]);
      await this.ctx.audit.append(trx, {
        actor,
        stationCode: station.code,
        action: 'consent_change',
        objectType: 'person',
        objectId: person.id,
        detail: { purpose: input.purpose, granted: input.granted },
      });
      if (input.purpose === 'provincial_sync' && !input.granted) await this.stopReporting(trx, person.id, at, actor, station.code);
      return this.records.read(trx, person.id);
    });
  }

  /**
   * Leaves out the person's rows that have not left the station, and tells the province to forget what may
   * have. Batches waiting for approval that hold the person's rows are taken back first (with the later
   * ones, as a decline would), so that no file written before the withdrawal can leave after it. A row
   * once sent stays covered by the tombstone, whatever became of its batch since: a row waiting to be
   * re-sent is left out from now on, and covered all the same.
   */
  private async stopReporting(trx: Executor, personId: string, at: string, actor: Actor, stationCode: string): Promise<void> {
    const pendingBatch = await firstPendingBatchHolding(trx, personId);
    const takenBack = pendingBatch === null ? null : await takeBackBatchesFrom(trx, pendingBatch);
    if (takenBack) {
      await this.ctx.audit.append(trx, {
        actor,
        stationCode,
        action: 'batch_decline',
        objectType: 'sync_batch',
        objectId: takenBack[0]!,
        detail: { batches: takenBack, reason: 'consent_withdrawn' },
      });
    }
    await omitUnsentRowsOf(trx, personId);
    const covers = await reportedVersionsOf(trx, personId);
    if (covers.length === 0) return;
    const entityId = randomUUID();
    // No person link on the tombstone itself: a later withdrawal must never leave it out.
    await queueForSync(trx, this.ctx.protection, {
      kind: 'tombstone',
      entityId,
      version: 1,
      payload: { reason: 'consent_withdrawn', purpose: 'provincial_sync', personId, withdrawnAt: at, covers },
      createdAt: at,
      recordCreatedAt: at,
    });
  }
}
