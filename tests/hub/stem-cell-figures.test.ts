import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { provinceFigures } from '../../hub/figures/province-figures';
import type { StemCellStatusCounts } from '../../hub/figures/stem-cell-figures';
import { ingestBatchFile, type IngestContext } from '../../hub/ingest/ingest-batch';
import { residentId } from '../fixtures/registrations';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines, type OpenedHub } from './support/both-engines';
import { regionalStationsHub } from './support/regional-stations';
import { ProtocolStation, registrationPayload, tombstoneLine, type OutboxLine, type PersonShape, type RegistrationShape } from './support/protocol-stations';

/** Stations in two prefectures of Yunnan (GB/T 2260): Kunming 5301, Dali 5329. */
const REGIONS: Record<string, string> = { KMU01: '530102', DLM01: '532901' };

const YEAR_2026 = { from: '2026-01-01', to: '2026-12-31' };

/** A volunteer born on a day, their document number made from it. */
function volunteer(name: string, birthDate: string, serial: string): PersonShape {
  return { name, documentKind: 'resident_id', documentNumber: residentId('530102', birthDate.replaceAll('-', ''), serial), birthDate };
}

/** Volunteers per status, the ones named and zero for the others. */
function counts(named: Partial<StemCellStatusCounts>): StemCellStatusCounts {
  return { signed_up: 0, sample_taken: 0, typed: 0, in_registry: 0, withdrawn: 0, unknown: 0, ...named };
}

/** One stem-cell registration at a station, and the version last sent. */
interface Volunteer {
  station: ProtocolStation;
  registrationId: string;
  personId: string;
  person: PersonShape;
  version: number;
}

describeOnBothEngines('hub stem-cell figures: the pipeline per status and re-contact consent, read from the latest versions', (open) => {
  let folders: ReturnType<typeof makeTempDir>;
  let hub: OpenedHub;
  let context: IngestContext;
  let stations: Map<string, ProtocolStation>;

  beforeEach(async () => {
    ({ folders, hub, context, stations } = await regionalStationsHub(open, 'relay-hub-stem-cell-', REGIONS));
  });
  afterEach(() => folders.remove());

  function lineOf(volunteer: Volunteer, shape: RegistrationShape, changedAt: string): OutboxLine {
    const payload = registrationPayload(volunteer.registrationId, volunteer.personId, volunteer.person, { program: 'stem_cell', version: volunteer.version, ...shape });
    return { kind: 'registration', entityId: volunteer.registrationId, version: volunteer.version, changedAt, payload };
  }

  async function send(station: ProtocolStation, ...lines: OutboxLine[]): Promise<void> {
    const result = await ingestBatchFile(station.batchFile(station.queue(...lines)), context);
    expect(result, JSON.stringify(result)).toMatchObject({ outcome: 'applied', counts: { rejected: 0 } });
  }

  /** A stem-cell volunteer signed up at a station on a moment, with or without an answer on follow-up contact. */
  async function signUp(stationCode: string, person: PersonShape, changedAt: string, followUpContact?: boolean): Promise<Volunteer> {
    const signed: Volunteer = { station: stations.get(stationCode) as ProtocolStation, registrationId: randomUUID(), personId: randomUUID(), person, version: 1 };
    await send(signed.station, lineOf(signed, { stemCellStatus: 'signed_up', followUpContact }, changedAt));
    return signed;
  }

  /** The volunteer's next version. */
  async function change(volunteer: Volunteer, shape: RegistrationShape, changedAt: string): Promise<void> {
    volunteer.version += 1;
    await send(volunteer.station, lineOf(volunteer, shape, changedAt));
  }

  const stemCell = async (period = YEAR_2026) => (await provinceFigures(hub, PROVINCE, period)).stemCell;

  it('counts a volunteer once, at the latest status, as they move from sign-up to the registry; a withdrawal moves them out', async () => {
    const zhang = await signUp('KMU01', volunteer('张晓明', '1990-03-07', '101'), '2026-03-05T02:00:00.000Z', true);
    const wang = await signUp('DLM01', volunteer('王秋月', '1992-01-01', '324'), '2026-04-01T02:00:00.000Z', false);
    await signUp('KMU01', volunteer('李春华', '1985-04-12', '213'), '2025-06-01T02:00:00.000Z');
    // Another program is no volunteer.
    const cornea = randomUUID();
    await send(stations.get('KMU01') as ProtocolStation, {
      kind: 'registration',
      entityId: cornea,
      version: 1,
      changedAt: '2026-03-06T02:00:00.000Z',
      payload: registrationPayload(cornea, randomUUID(), volunteer('赵云飞', '1978-09-23', '415'), { program: 'cornea', followUpContact: true }),
    });

    const before = await stemCell();
    expect(before.now).toEqual(counts({ signed_up: 3 }));
    expect(before.registeredInPeriod).toEqual(counts({ signed_up: 2 }));

    await change(zhang, { stemCellStatus: 'sample_taken', followUpContact: true }, '2026-05-01T02:00:00.000Z');
    await change(zhang, { stemCellStatus: 'in_registry', followUpContact: true }, '2026-07-01T02:00:00.000Z');
    await change(wang, { state: 'withdrawn', stemCellStatus: 'withdrawn', followUpContact: false }, '2026-08-01T02:00:00.000Z');

    const after = await stemCell();
    expect(after.now).toEqual(counts({ signed_up: 1, in_registry: 1, withdrawn: 1 }));
    expect(after.registeredInPeriod).toEqual(counts({ in_registry: 1, withdrawn: 1 }));
    // The withdrawn volunteer leaves the consent share; the one who never answered counts against it.
    expect(after.recontactConsent).toEqual({ consenting: 1, volunteers: 2, share: 0.5, targetShare: 0.85, status: 'not_met', refused: 0, unknown: 1 });
    expect(after.byPrefecture.map(({ prefectureCode, now, registeredInPeriod }) => [prefectureCode, now, registeredInPeriod])).toEqual([
      ['5301', counts({ signed_up: 1, in_registry: 1 }), counts({ in_registry: 1 })],
      ['5329', counts({ withdrawn: 1 }), counts({ withdrawn: 1 })],
    ]);
    // One standing volunteer signed up in 2026 against one in 2025: no growth, short of +10 %.
    expect(after.growth).toEqual({ current: 1, previous: 1, growth: 0, target: 0.1, status: 'not_met' });
  });

  it("judges re-contact consent from each volunteer's latest version: granted, refused, and an older version arriving late", async () => {
    const granted = [];
    for (let i = 0; i < 6; i++) granted.push(await signUp('KMU01', volunteer(`张${'一二三四五六'[i]}明`, '1990-03-07', String(100 + i)), '2026-03-05T02:00:00.000Z', true));
    await signUp('DLM01', volunteer('王秋月', '1992-01-01', '324'), '2026-03-06T02:00:00.000Z', false);
    expect((await stemCell()).recontactConsent).toMatchObject({ consenting: 6, volunteers: 7, refused: 1, unknown: 0, status: 'met' });

    // One volunteer refuses follow-up contact later: 5 of 7 is short of 85 %.
    const changed = granted[0] as Volunteer;
    await change(changed, { stemCellStatus: 'signed_up', followUpContact: false }, '2026-04-01T02:00:00.000Z');
    expect((await stemCell()).recontactConsent).toMatchObject({ consenting: 5, volunteers: 7, refused: 2, status: 'not_met' });
    expect((await stemCell()).byPrefecture.map(({ prefectureCode, recontactConsent }) => [prefectureCode, recontactConsent.consenting, recontactConsent.volunteers])).toEqual([
      ['5301', 5, 6],
      ['5329', 0, 1],
    ]);

    // A volunteer whose later version (refused) crosses its first (granted) on the way counts as refused.
    const crossing: Volunteer = { station: stations.get('DLM01') as ProtocolStation, registrationId: randomUUID(), personId: randomUUID(), person: volunteer('李春华', '1985-04-12', '213'), version: 1 };
    const first = lineOf(crossing, { stemCellStatus: 'signed_up', followUpContact: true }, '2026-05-01T02:00:00.000Z');
    crossing.version = 2;
    const second = lineOf(crossing, { stemCellStatus: 'sample_taken', followUpContact: false }, '2026-05-02T02:00:00.000Z');
    const [firstEnvelope, secondEnvelope] = crossing.station.queue(first, second);
    expect((await ingestBatchFile(crossing.station.batchFile([secondEnvelope!]), context)).outcome).toBe('applied');
    expect((await ingestBatchFile(crossing.station.batchFile([firstEnvelope!]), context)).outcome).toBe('applied');
    const latest = await stemCell();
    expect(latest.recontactConsent).toMatchObject({ consenting: 5, volunteers: 8, refused: 3 });
    expect(latest.now).toEqual(counts({ signed_up: 7, sample_taken: 1 }));
  });

  it('drops a volunteer a consent tombstone erases, and counts volunteers held before the hub kept statuses as unknown', async () => {
    const erased = await signUp('KMU01', volunteer('张晓明', '1990-03-07', '101'), '2026-03-05T02:00:00.000Z', true);
    await signUp('KMU01', volunteer('王秋月', '1992-01-01', '324'), '2026-03-06T02:00:00.000Z', true);
    await send(erased.station, tombstoneLine(erased.personId, [{ kind: 'registration', entityId: erased.registrationId, throughVersion: 1 }]));
    const left = await stemCell();
    expect(left.now).toEqual(counts({ signed_up: 1 }));
    expect(left.recontactConsent).toMatchObject({ consenting: 1, volunteers: 1, share: 1, status: 'met' });

    // A registration held before migration 0004 has neither column: unknown status, unknown consent.
    await hub.db.updateTable('person_registration').set({ stem_cell_status: null, follow_up_consent: null }).where('program', '=', 'stem_cell').execute();
    const unknown = await stemCell();
    expect(unknown.now).toEqual(counts({ unknown: 1 }));
    expect(unknown.recontactConsent).toMatchObject({ consenting: 0, volunteers: 1, unknown: 1, status: 'not_met' });
  });

  it('reports an empty pipeline with unknown targets when the province has no volunteer', async () => {
    const none = await stemCell();
    expect(none).toEqual({
      now: counts({}),
      registeredInPeriod: counts({}),
      recontactConsent: { consenting: 0, volunteers: 0, share: null, targetShare: 0.85, status: 'unknown', refused: 0, unknown: 0 },
      growth: { current: 0, previous: 0, growth: null, target: 0.1, status: 'unknown' },
      byPrefecture: [],
    });
  });
});
