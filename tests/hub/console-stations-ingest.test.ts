import { expect, it } from 'vitest';
import { recordIngestEvent } from '../../hub/ingest-log/record-event';
import { PROVINCE, registerStation } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { consoleFixture } from './support/console';

describeOnBothEngines('the console’s stations and ingest calls', (open) => {
  it('stations:overview gives every station with the silent threshold asked for; ingest:log gives codes, never the hub’s sentences', async () => {
    const hub = await open();
    const fixture = await consoleFixture(hub);
    await registerStation(hub.db, 'KMU01');
    await recordIngestEvent(hub, {
      provinceCode: PROVINCE,
      via: 'import',
      result: { outcome: 'refused', code: 'signature_invalid', message: 'a parser may quote the file here', batchId: 'KMU01-B000001', stationCode: 'KMU01', ack: null },
      bytes: 1234,
      receivedAt: fixture.now().toISOString(),
    });
    const token = await fixture.sessionOf('auditor');

    // Heard from at the fixture's clock: not silent; ten days later silent after 7 days of quiet, not after 30.
    const overview = await fixture.call('stations:overview', {}, token);
    expect(overview.result).toMatchObject({ ok: true, data: { silentAfterDays: 7, stations: [{ code: 'KMU01', silent: false, refusedSinceLastTaken: 1, lastSeenAt: fixture.now().toISOString() }] } });
    fixture.advance(10 * 24 * 3_600_000);
    const later = await fixture.sessionOf('auditor');
    expect((await fixture.call('stations:overview', { silentAfterDays: 7 }, later)).result).toMatchObject({ ok: true, data: { stations: [{ silent: true }] } });
    expect((await fixture.call('stations:overview', { silentAfterDays: 30 }, later)).result).toMatchObject({ ok: true, data: { silentAfterDays: 30, stations: [{ silent: false }] } });
    expect((await fixture.call('stations:overview', { silentAfterDays: 0 }, later)).result).toMatchObject({ ok: false, error: { code: 'validation_failed' } });

    const session = await fixture.sessionOf('administrator');
    const log = await fixture.call('ingest:log', { outcome: 'refused' }, session);
    expect(log.result).toEqual({
      ok: true,
      data: {
        nextPage: null,
        entries: [
          {
            seq: expect.any(Number),
            receivedAt: '2026-12-01T02:00:00.000Z',
            via: 'import',
            outcome: 'refused',
            stationCode: 'KMU01',
            batchId: 'KMU01-B000001',
            bytes: 1234,
            refusalCode: 'signature_invalid',
            counts: null,
            rejectedByCode: null,
            alert: null,
          },
        ],
      },
    });
    expect((await fixture.call('ingest:log', { outcome: 'taken' }, session)).result).toEqual({ ok: true, data: { entries: [], nextPage: null } });
    expect((await fixture.call('ingest:log', { station: 'ZZZ01' }, session)).result).toEqual({ ok: true, data: { entries: [], nextPage: null } });
    // A page is the cursor the hub gave, digits only.
    expect((await fixture.call('ingest:log', { page: 'x; drop table' }, session)).result).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });
});
