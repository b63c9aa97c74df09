import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { personFields, registrationOf } from '../../hub/db/repositories/people';
import { provinceFigures } from '../../hub/figures/province-figures';
import { type IngestContext } from '../../hub/ingest/ingest-batch';
import type { PersonDetails } from '../../hub/people/payloads';
import { HubSealer, SEALED_COLUMNS } from '../../hub/people/sealing';
import { decideReview, undoReviewDecision } from '../../hub/review/decide-review';
import { reviewDetail, reviewList } from '../../hub/review/review-entries';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines, type OpenedHub } from './support/both-engines';
import { registrationLine, sendLines, twoStationHub, ZHANG } from './support/two-stations';
import { personLine, ProtocolStation, type OutboxLine } from './support/protocol-stations';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };

describeOnBothEngines('hub review decisions: confirm or keep apart a document seen with other details, masked in the list, undone exactly', (open) => {
  let folders: ReturnType<typeof makeTempDir>;
  let sealer: HubSealer;
  let hub: OpenedHub;
  let context: IngestContext;
  let kunming: ProtocolStation;
  let dali: ProtocolStation;

  beforeEach(async () => {
    ({ folders, sealer, hub, context, kunming, dali } = await twoStationHub(open, 'relay-hub-review-'));
  });
  afterEach(() => folders.remove());

  const send = (station: ProtocolStation, ...lines: OutboxLine[]): Promise<void> => sendLines(context, station, ...lines);

  async function totals() {
    const { registrations, people, awaitingReview } = (await provinceFigures(hub, PROVINCE, YEAR)).totals;
    return { registrations, people, awaitingReview };
  }

  /** Kunming registers 张晓明; Dali registers the same document as 张小明, which waits for review. */
  async function documentSeenWithAnotherName(): Promise<{ waiting: string; personId: string }> {
    await send(kunming, registrationLine(randomUUID(), randomUUID(), ZHANG, 1, '2026-03-01T02:00:00.000Z'));
    const waiting = randomUUID();
    const personId = randomUUID();
    await send(dali, registrationLine(waiting, personId, { ...ZHANG, name: '张小明' }, 1, '2026-03-02T02:00:00.000Z'));
    return { waiting, personId };
  }

  it('lists the entry masked, reveals it whole in the detail, and links the registration on confirm; the figures follow, and undo puts it back', async () => {
    const { waiting, personId } = await documentSeenWithAnotherName();
    const name = { provinceCode: PROVINCE, stationCode: 'DLM01', registrationId: waiting };
    expect(await totals()).toEqual({ registrations: 2, people: 1, awaitingReview: 1 });

    const listed = await reviewList(hub, sealer, PROVINCE, { page: 1, pageSize: 20, state: 'open' });
    expect(listed.total).toBe(1);
    const item = listed.items[0]!;
    expect(item).toMatchObject({ recordKind: 'registration', stationCode: 'DLM01', recordId: waiting, heldStationCodes: ['KMU01'], state: 'open', decision: null });
    expect(item.held).toEqual({ name: '张*', documentKind: 'resident_id', documentNumber: `${ZHANG.documentNumber.slice(0, 6)}********${ZHANG.documentNumber.slice(-4)}`, birthYear: '1990' });
    expect(item.seen.name).toBe('张*');
    const listedText = JSON.stringify(listed);
    for (const whole of [ZHANG.name, '张小明', ZHANG.documentNumber, ZHANG.birthDate as string]) expect(listedText).not.toContain(whole);

    const detail = await reviewDetail(hub, sealer, PROVINCE, item.id);
    expect([detail?.held.name, detail?.seen.name, detail?.seen.documentNumber]).toEqual([ZHANG.name, '张小明', ZHANG.documentNumber]);

    const personKey = (await registrationOf(hub.db, { ...name, stationCode: 'KMU01', registrationId: (await registrationIdsOf('KMU01'))[0]! }))?.personKey;
    const fieldsBefore = await personFields(hub.db, PROVINCE, personKey as string);
    const confirmed = await decideReview(hub, sealer, PROVINCE, item.id, { decision: 'confirm_same', by: 'officer-li', reason: '户籍核实为同一人', now: new Date('2026-04-01T00:00:00.000Z') });
    expect(confirmed).toMatchObject({ ok: true, decision: { decision: 'confirm_same', decidedBy: 'officer-li', reason: '户籍核实为同一人', decidedAt: '2026-04-01T00:00:00.000Z', undoneAt: null } });
    expect((await registrationOf(hub.db, name))?.personKey).toBe(personKey);
    // The person keeps the details the other station holds.
    expect(await personFields(hub.db, PROVINCE, personKey as string)).toEqual(fieldsBefore);
    expect(await totals()).toEqual({ registrations: 2, people: 1, awaitingReview: 0 });
    expect((await reviewList(hub, sealer, PROVINCE, { page: 1, pageSize: 20, state: 'open' })).total).toBe(0);
    expect((await reviewList(hub, sealer, PROVINCE, { page: 1, pageSize: 20, state: 'decided' })).items.map((entry) => [entry.id, entry.state, entry.decision?.decision])).toEqual([[item.id, 'decided', 'confirm_same']]);
    expect(await decideReview(hub, sealer, PROVINCE, item.id, { decision: 'keep_apart', by: 'officer-li', reason: '' })).toEqual({ ok: false, code: 'review_decided' });

    // The registration's next version, still with the other name, stays with the person it was confirmed as.
    await send(dali, registrationLine(waiting, personId, { ...ZHANG, name: '张小明', phone: '13900000009' }, 2, '2026-04-05T02:00:00.000Z'));
    expect(await registrationOf(hub.db, name)).toMatchObject({ personKey, latestVersion: 2 });
    expect(await totals()).toEqual({ registrations: 2, people: 1, awaitingReview: 0 });

    const undone = await undoReviewDecision(hub, sealer, PROVINCE, item.id, { by: 'officer-wang', now: new Date('2026-04-10T00:00:00.000Z') });
    expect(undone).toMatchObject({ ok: true, decision: { undoneBy: 'officer-wang', undoneAt: '2026-04-10T00:00:00.000Z' } });
    expect(await registrationOf(hub.db, name)).toMatchObject({ personKey: null, latestVersion: 2 });
    expect(await totals()).toEqual({ registrations: 2, people: 1, awaitingReview: 1 });
    expect((await reviewList(hub, sealer, PROVINCE, { page: 1, pageSize: 20, state: 'open' })).items.map((entry) => entry.id)).toEqual([item.id]);
    expect((await reviewDetail(hub, sealer, PROVINCE, item.id))?.history.map((made) => [made.decision, made.undoneBy])).toEqual([['confirm_same', 'officer-wang']]);
    expect(await undoReviewDecision(hub, sealer, PROVINCE, item.id, { by: 'officer-wang' })).toEqual({ ok: false, code: 'review_not_decided' });
    expect(await decideReview(hub, sealer, PROVINCE, 999_999, { decision: 'keep_apart', by: 'officer-li', reason: '' })).toEqual({ ok: false, code: 'review_unknown' });
  });

  it('keeps a registration apart: it stays linked to no one, counted as awaiting review, also when its next version arrives', async () => {
    const { waiting, personId } = await documentSeenWithAnotherName();
    const [item] = (await reviewList(hub, sealer, PROVINCE, { page: 1, pageSize: 20, state: 'open' })).items;
    const kept = await decideReview(hub, sealer, PROVINCE, item!.id, { decision: 'keep_apart', by: 'officer-li', reason: '出生日期待核实' });
    expect(kept).toMatchObject({ ok: true, decision: { decision: 'keep_apart' } });
    expect(await totals()).toEqual({ registrations: 2, people: 1, awaitingReview: 1 });
    await send(dali, registrationLine(waiting, personId, { ...ZHANG, name: '张小明' }, 2, '2026-04-05T02:00:00.000Z'));
    expect((await registrationOf(hub.db, { provinceCode: PROVINCE, stationCode: 'DLM01', registrationId: waiting }))?.personKey).toBeNull();
    expect((await reviewList(hub, sealer, PROVINCE, { page: 1, pageSize: 20, state: 'decided' })).total).toBe(1);
    expect((await reviewList(hub, sealer, PROVINCE, { page: 1, pageSize: 20, state: 'open' })).total).toBe(0);
    expect(await undoReviewDecision(hub, sealer, PROVINCE, item!.id, { by: 'officer-li' })).toMatchObject({ ok: true });
    expect((await reviewList(hub, sealer, PROVINCE, { page: 1, pageSize: 20, state: 'open' })).total).toBe(1);
    expect(await totals()).toEqual({ registrations: 2, people: 1, awaitingReview: 1 });
  });

  it("confirms a contact change another station contradicts: the person takes the new name, and undo gives back the fields and their moment exactly", async () => {
    const personId = randomUUID();
    await send(kunming, registrationLine(randomUUID(), personId, ZHANG, 1, '2026-03-01T02:00:00.000Z'));
    await send(dali, registrationLine(randomUUID(), randomUUID(), ZHANG, 1, '2026-03-02T02:00:00.000Z'));
    await send(kunming, personLine(personId, 2, { ...ZHANG, name: '张小明' }, '2026-03-10T02:00:00.000Z'));
    const [item] = (await reviewList(hub, sealer, PROVINCE, { page: 1, pageSize: 20, state: 'open' })).items;
    expect(item).toMatchObject({ recordKind: 'person', recordId: personId });
    const personKey = (await registrationOf(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', registrationId: (await registrationIdsOf('KMU01'))[0]! }))?.personKey as string;
    const before = await hub.db.selectFrom('person').select(['sealed_fields', 'updated_at']).where('person_key', '=', personKey).executeTakeFirstOrThrow();

    expect(await decideReview(hub, sealer, PROVINCE, item!.id, { decision: 'confirm_same', by: 'officer-li', reason: '本人改名' })).toMatchObject({ ok: true });
    const renamed = sealer.openJson<PersonDetails>((await personFields(hub.db, PROVINCE, personKey)) as Buffer, SEALED_COLUMNS.personFields);
    expect(renamed.name).toBe('张小明');
    expect(await totals()).toEqual({ registrations: 2, people: 1, awaitingReview: 0 });

    expect(await undoReviewDecision(hub, sealer, PROVINCE, item!.id, { by: 'officer-li' })).toMatchObject({ ok: true });
    const after = await hub.db.selectFrom('person').select(['sealed_fields', 'updated_at']).where('person_key', '=', personKey).executeTakeFirstOrThrow();
    expect(sealer.openJson(after.sealed_fields, SEALED_COLUMNS.personFields)).toEqual(sealer.openJson(before.sealed_fields, SEALED_COLUMNS.personFields));
    expect(String(after.updated_at)).toBe(String(before.updated_at));
  });

  async function registrationIdsOf(stationCode: string): Promise<string[]> {
    const rows = await hub.db.selectFrom('person_registration').select('registration_id').where('station_code', '=', stationCode).execute();
    return rows.map((row) => row.registration_id);
  }
});
