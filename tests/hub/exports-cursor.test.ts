import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { exportRuns } from '../../hub/exports/export-runs';
import { runExport } from '../../hub/exports/run-export';
import { ExportNotSettledError } from '../../hub/exports/settled-seq';
import { ingestBatchFile, type IngestContext } from '../../hub/ingest/ingest-batch';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from '../../hub/keys/province-keys';
import { HubSealer } from '../../hub/people/sealing';
import { residentId } from '../fixtures/registrations';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE, sha256Hex } from './support/batches';
import { describeOnBothEngines, type OpenedHub } from './support/both-engines';
import { readExportTable, rowObjects } from './support/export-files';
import { ProtocolStation, registrationPayload, tombstoneLine, type OutboxLine, type PersonShape } from './support/protocol-stations';

const person = (name: string, serial: string, phone?: string): PersonShape => ({ name, documentKind: 'resident_id', documentNumber: residentId('530102', '19900307', serial), birthDate: '1990-03-07', ...(phone === undefined ? {} : { phone }) });

describeOnBothEngines('hub exports: the cursor and the cells', (open, engine) => {
  let folders: ReturnType<typeof makeTempDir>;
  let keys: ProvinceKeys;
  let hub: OpenedHub;
  let context: IngestContext;
  let station: ProtocolStation;

  beforeEach(async () => {
    folders = makeTempDir('relay-hub-export-cursor-');
    keys = loadOrCreateProvinceKeys(join(folders.dir, 'keys')).keys;
    hub = await open();
    context = { hub, provinceCode: PROVINCE, keys };
    station = new ProtocolStation('KMU01');
    await station.registerAt(hub.db);
  });
  afterEach(() => folders.remove());

  async function sendOrgan(shape: PersonShape): Promise<string> {
    const id = randomUUID();
    const payload: Record<string, unknown> = { ...registrationPayload(id, randomUUID(), shape, { program: 'organ' }), choice: { program: 'organ', organs: { kind: 'all' } } };
    const result = await ingestBatchFile(station.batchFile(station.queue({ kind: 'registration', entityId: id, version: 1, payload })), context);
    expect(result, JSON.stringify(result)).toMatchObject({ outcome: 'applied', counts: { rejected: 0 } });
    return String(payload.number);
  }

  const exportCodac = (settle?: { timeoutMs: number }) =>
    runExport(hub, PROVINCE, { platform: 'codac', outDir: join(folders.dir, 'out'), createdBy: 'test', ...(settle === undefined ? {} : { settle }) }, keys);

  it('neutralises text a spreadsheet would run as a formula, in the CSV and the XLSX alike', async () => {
    await sendOrgan(person('=HYPERLINK("http://example.org","点")', '101', '+8613812345678'));
    const run = await exportCodac();
    const table = await readExportTable(run.folder, 'codac');
    expect(table.xlsx.rows).toEqual(table.rows);
    const [row] = rowObjects(table);
    expect(row!['姓名']).toBe(`'=HYPERLINK("http://example.org","点")`);
    expect(row!['手机号码']).toBe(`'+8613812345678`);
  });

  it('sends a registration again as new once consent is given again after a tombstone erased it', async () => {
    const id = randomUUID();
    const personId = randomUUID();
    const shape = person('赵云飞', '415');
    const version = (number: number): OutboxLine => ({
      kind: 'registration',
      entityId: id,
      version: number,
      payload: { ...registrationPayload(id, personId, shape, { program: 'organ', version: number }), choice: { program: 'organ', organs: { kind: 'all' } } },
    });
    const send = async (...lines: OutboxLine[]) => expect((await ingestBatchFile(station.batchFile(station.queue(...lines)), context)).outcome).toBe('applied');
    await send(version(1));
    await exportCodac();
    await send(tombstoneLine(personId, [{ kind: 'registration', entityId: id, throughVersion: 1 }]));
    await send(version(2));
    const run = await exportCodac();
    expect(rowObjects(await readExportTable(run.folder, 'codac')).map((row) => [row['事件类型'], row['事件原因'], row['姓名']])).toEqual([
      ['撤销', 'consent_withdrawn', ''],
      ['新增', 'amended', shape.name],
    ]);
  });

  if (engine !== 'postgres') return;

  it('does not step over a version a transaction still in flight holds below a committed one; it waits, or refuses', async () => {
    // A transaction takes a seq and stays open: a batch being taken on another connection.
    const client = new pg.Client((hub.options as { connection: pg.ClientConfig }).connection);
    await client.connect();
    try {
      const sealer = new HubSealer(keys.data);
      const id = randomUUID();
      const inFlight: Record<string, unknown> = { ...registrationPayload(id, randomUUID(), person('李春华', '213'), { program: 'organ' }), choice: { program: 'organ', organs: { kind: 'all' } } };
      const canonical = Buffer.from(JSON.stringify(inFlight), 'utf8');
      await client.query('begin');
      await client.query(
        `insert into batch (province_code, batch_id, station_code, batch_seq, manifest_sha256, audit_seq, audit_hash, received_at, ack) values ($1, 'KMU01-INFLIGHT', 'KMU01', 999, $2, 1, $2, now(), null)`,
        [PROVINCE, sha256Hex('in flight')],
      );
      const held = await client.query<{ seq: string }>(
        `insert into record_version (province_code, station_code, entity_kind, entity_id, version, content_sha256, sealed_payload, changed_at, batch_id, line_seq)
         values ($1, 'KMU01', 'registration', $2, 1, $3, $4, now(), 'KMU01-INFLIGHT', 1) returning seq`,
        [PROVINCE, id, sha256Hex(canonical.toString('utf8')), sealer.sealPayload(canonical)],
      );
      const inFlightSeq = Number(held.rows[0]!.seq);

      // A later batch commits above it.
      const committed = await sendOrgan(person('王秋月', '324'));

      await expect(exportCodac({ timeoutMs: 200 })).rejects.toBeInstanceOf(ExportNotSettledError);
      expect(await exportRuns(hub, PROVINCE, { platform: 'codac' })).toEqual([]);

      const waiting = exportCodac({ timeoutMs: 20_000 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await client.query('commit');
      const run = await waiting;
      expect(run.cursor.to).toBeGreaterThan(inFlightSeq);
      const rows = rowObjects(await readExportTable(run.folder, 'codac'));
      expect(rows.map((row) => row['登记编号'])).toEqual([String(inFlight.number), committed]);
    } finally {
      await client.end();
    }
  });
});
