import { afterEach, beforeEach, expect, it } from 'vitest';
import { careFigures } from '../../hub/care/care-figures';
import type { HubStore } from '../../hub/db/open';
import { ingestBatchFile, type IngestResult } from '../../hub/ingest/ingest-batch';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from '../../hub/keys/province-keys';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { aidLine, careYearLine, daliSender, familyLine, registerCareStations } from './support/care-lines';
import { craftedBatch, uuid } from './support/crafted-batches';

describeOnBothEngines('hub donor-family care: projections at the highest version, and the year’s figures', (open) => {
  let folder: ReturnType<typeof makeTempDir>;
  let keys: ProvinceKeys;
  let hub: HubStore;

  beforeEach(async () => {
    folder = makeTempDir('relay-hub-care-');
    keys = loadOrCreateProvinceKeys(folder.dir).keys;
    hub = await open();
    await registerCareStations(hub.db);
  });
  afterEach(() => folder.remove());

  async function take(file: Buffer): Promise<IngestResult> {
    const result = await ingestBatchFile(file, { hub, provinceCode: PROVINCE, keys });
    expect(result.outcome === 'applied' || result.outcome === 'replayed', JSON.stringify(result)).toBe(true);
    return result;
  }

  const projections = async () => ({
    families: await hub.db.selectFrom('care_family').selectAll().orderBy('family_id').execute(),
    years: await hub.db.selectFrom('care_family_year').selectAll().orderBy('record_id').execute(),
    aidCases: await hub.db.selectFrom('care_aid_case').selectAll().orderBy('case_id').execute(),
  });

  it('keeps each record at its highest version whatever order the versions arrive in, and a batch taken again changes nothing', async () => {
    // The later versions first: the family set to do-not-contact, a year with more contacts, a case paid.
    const later = craftedBatch(1, [
      familyLine(5, 1, 3, { openedAt: '2026-03-01T02:00:00.000Z', doNotContact: true, contactConsent: false }),
      careYearLine(6, 11, 1, 2026, 2, { contacts: { phone_call: 2, home_visit: 1 }, invitations: 1, accepted: 1 }),
      aidLine(7, 21, 1, 6, { programme: 'condolence', state: 'paid', appliedAt: '2026-03-10T02:00:00.000Z', grantedFen: 200_000, paidOn: '2026-04-01' }),
    ]);
    await take(later.file);
    const earlier = craftedBatch(2, [
      familyLine(1, 1, 1, { openedAt: '2026-03-01T02:00:00.000Z' }),
      careYearLine(2, 11, 1, 2026, 1, { contacts: { phone_call: 1 } }),
      aidLine(3, 21, 1, 1, { programme: 'condolence', state: 'applied', appliedAt: '2026-03-10T02:00:00.000Z' }),
    ]);
    const earlierTaken = await take(earlier.file);
    expect(earlierTaken.outcome).toBe('applied');

    const held = await projections();
    expect(held.families).toEqual([
      {
        province_code: PROVINCE,
        station_code: 'KMU01',
        family_id: uuid(1),
        registration_id: uuid(5001),
        donated_on: '2026-01-20',
        opened_on: '2026-03-01',
        do_not_contact: 1,
        consent_name_engraving: 1,
        consent_publicity: null,
        consent_contact: 0,
        version: 3,
      },
    ]);
    expect(held.years).toMatchObject([{ record_id: uuid(11), family_id: uuid(1), year: 2026, phone_calls: 2, home_visits: 1, festival_visits: 0, contacts: 3, invitations: 1, accepted: 1, version: 2 }]);
    expect(held.aidCases).toMatchObject([{ case_id: uuid(21), programme: 'condolence', state: 'paid', applied_on: '2026-03-10', amount_granted_fen: 200_000, paid_on: '2026-04-01', version: 6 }]);

    // The same file again replays its acknowledgement; the same versions in a new batch are duplicates: nothing moves.
    expect((await take(earlier.file)).outcome).toBe('replayed');
    const resent = craftedBatch(3, [
      familyLine(8, 1, 1, { openedAt: '2026-03-01T02:00:00.000Z' }),
      careYearLine(9, 11, 1, 2026, 1, { contacts: { phone_call: 1 } }),
      aidLine(10, 21, 1, 1, { programme: 'condolence', state: 'applied', appliedAt: '2026-03-10T02:00:00.000Z' }),
    ]);
    expect(await take(resent.file)).toMatchObject({ outcome: 'applied', counts: { accepted: 0, duplicate: 3, rejected: 0 } });
    expect(await projections()).toEqual(held);
    const figures = await careFigures(hub, PROVINCE, 2026);
    expect((await take(later.file)).outcome).toBe('replayed');
    expect(await careFigures(hub, PROVINCE, 2026)).toEqual(figures);
  });

  it('holds nothing personal: the projections’ columns are codes, days and counts, and a field no station should send is not kept', async () => {
    await take(
      craftedBatch(1, [
        familyLine(1, 1, 1, { openedAt: '2026-03-01T02:00:00.000Z', contactConsent: true }),
        careYearLine(2, 11, 1, 2026, 1, { contacts: { phone_call: 1 } }),
        aidLine(3, 21, 1, 1, { programme: 'hardship', state: 'applied', appliedAt: '2026-06-01T02:00:00.000Z', applicantName: '李秀英' }),
      ]).file,
    );
    const held = await projections();
    expect(Object.keys(held.families[0] ?? {}).sort()).toEqual(
      [
        'province_code',
        'station_code',
        'family_id',
        'registration_id',
        'donated_on',
        'opened_on',
        'do_not_contact',
        'consent_name_engraving',
        'consent_publicity',
        'consent_contact',
        'version',
      ].sort(),
    );
    expect(Object.keys(held.years[0] ?? {}).sort()).toEqual(
      [
        'province_code',
        'station_code',
        'record_id',
        'family_id',
        'year',
        'phone_calls',
        'home_visits',
        'festival_visits',
        'contacts',
        'follow_ups_done',
        'follow_ups_stopped',
        'invitations',
        'accepted',
        'attended',
        'version',
      ].sort(),
    );
    expect(Object.keys(held.aidCases[0] ?? {}).sort()).toEqual(
      ['province_code', 'station_code', 'case_id', 'family_id', 'programme', 'state', 'applied_on', 'amount_granted_fen', 'notice_from', 'notice_to', 'paid_on', 'version'].sort(),
    );
    expect(JSON.stringify(held)).not.toContain('李秀英');
  });

  it('counts a small province’s families, contacts, invitations and aid for a year, per station and prefecture', async () => {
    // Kunming (5301): family 1 contacted three times and at the ceremony; family 2 asked not to be contacted;
    // family 3 opened in 2027. Family 1's 2027 contacts count in 2027 only.
    await take(
      craftedBatch(1, [
        familyLine(1, 1, 1, { openedAt: '2026-03-01T02:00:00.000Z' }),
        familyLine(2, 2, 2, { openedAt: '2026-05-01T02:00:00.000Z', doNotContact: true }),
        familyLine(3, 3, 1, { openedAt: '2027-01-05T02:00:00.000Z' }),
        careYearLine(4, 11, 1, 2026, 1, { contacts: { phone_call: 2, home_visit: 1 }, invitations: 1, accepted: 1, attended: 1 }),
        careYearLine(5, 12, 2, 2026, 1, {}),
        careYearLine(6, 13, 1, 2027, 1, { contacts: { phone_call: 5 } }),
        aidLine(7, 21, 1, 6, { programme: 'condolence', state: 'paid', appliedAt: '2026-03-10T02:00:00.000Z', grantedFen: 200_000, paidOn: '2026-04-01' }),
        aidLine(8, 22, 1, 5, { programme: 'hardship', state: 'on_notice', appliedAt: '2026-06-01T02:00:00.000Z', grantedFen: 500_000 }),
        aidLine(9, 23, 2, 3, { programme: 'study_grant', state: 'rejected', appliedAt: '2026-07-01T02:00:00.000Z' }),
      ]).file,
    );
    // Dali (5329): family 4 opened at 01:00 on 1 January 2027, China Standard Time; family 5 visited once at a festival.
    await take(
      craftedBatch(
        1,
        [
          familyLine(1, 4, 1, { openedAt: '2026-12-31T17:00:00.000Z' }),
          familyLine(2, 5, 1, { openedAt: '2026-02-01T02:00:00.000Z' }),
          careYearLine(3, 14, 5, 2026, 1, { contacts: { festival_visit: 1 }, invitations: 2, accepted: 1 }),
          aidLine(4, 24, 5, 6, { programme: 'condolence', state: 'paid', appliedAt: '2026-02-10T02:00:00.000Z', grantedFen: 150_050, paidOn: '2026-02-20' }),
          // Applied for in 2025, paid in 2026: paid in 2026, not one of 2026's cases.
          aidLine(5, 25, 5, 6, { programme: 'funeral', state: 'paid', appliedAt: '2025-11-01T02:00:00.000Z', grantedFen: 300_000, paidOn: '2026-01-15' }),
        ],
        daliSender,
      ).file,
    );

    const figures = await careFigures(hub, PROVINCE, 2026);
    expect(figures.totals).toEqual({ familiesOnFile: 3, familiesCaredFor: 2, contacts: 4, contactsPerFamily: 2, invitations: 3, accepted: 2, attended: 1, doNotContact: 1 });
    expect(figures.byStation).toEqual([
      { stationCode: 'DLM01', familiesOnFile: 1, familiesCaredFor: 1, contacts: 1, contactsPerFamily: 1, invitations: 2, accepted: 1, attended: 0, doNotContact: 0 },
      { stationCode: 'KMU01', familiesOnFile: 2, familiesCaredFor: 1, contacts: 3, contactsPerFamily: 3, invitations: 1, accepted: 1, attended: 1, doNotContact: 1 },
    ]);
    expect(figures.byPrefecture.map((row) => [row.prefectureCode, row.familiesOnFile, row.familiesCaredFor, row.contacts])).toEqual([
      ['5301', 2, 1, 3],
      ['5329', 1, 1, 1],
    ]);
    const none = { applied: 0, reviewed: 0, proposed: 0, granted: 0, on_notice: 0, paid: 0, rejected: 0 };
    expect(figures.aid).toEqual([
      { programme: 'condolence', cases: { ...none, paid: 2 }, paid: 2, paidFen: 350_050, paidYuan: 3500.5 },
      { programme: 'hardship', cases: { ...none, on_notice: 1 }, paid: 0, paidFen: 0, paidYuan: 0 },
      { programme: 'study_grant', cases: { ...none, rejected: 1 }, paid: 0, paidFen: 0, paidYuan: 0 },
      { programme: 'funeral', cases: none, paid: 1, paidFen: 300_000, paidYuan: 3000 },
      { programme: 'bo_ai_visit', cases: none, paid: 0, paidFen: 0, paidYuan: 0 },
    ]);

    // 2027: every family is on file; only family 1's five calls count.
    expect((await careFigures(hub, PROVINCE, 2027)).totals).toEqual({
      familiesOnFile: 5,
      familiesCaredFor: 1,
      contacts: 5,
      contactsPerFamily: 5,
      invitations: 0,
      accepted: 0,
      attended: 0,
      doNotContact: 1,
    });
    // A year with nothing: zeros, and no quotient.
    const empty = await careFigures(hub, PROVINCE, 2024);
    expect(empty.totals).toEqual({ familiesOnFile: 0, familiesCaredFor: 0, contacts: 0, contactsPerFamily: null, invitations: 0, accepted: 0, attended: 0, doNotContact: 0 });
    expect(empty.byStation).toEqual([]);
  });
});
