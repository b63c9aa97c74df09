import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ingestBatchFile } from '../../hub/ingest/ingest-batch';
import { loadProvinceKeys } from '../../hub/keys/province-keys';
import { residentId } from '../fixtures/registrations';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { databaseArgs, hubEnvironment, TEST_HUB_PASSPHRASE } from './support/hub-process';
import { ProtocolStation, registrationPayload } from './support/protocol-stations';

const hubEntry = fileURLToPath(new URL('../../hub/cli/main.ts', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runHub(args: string[]): Promise<Run> {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', hubEntry, ...args], { encoding: 'utf8', env: hubEnvironment() }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describeOnBothEngines('hub export from the command line', (open) => {
  let folders: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    folders = makeTempDir('relay-hub-export-cli-');
  });
  afterEach(() => folders.remove());

  it('exports a platform into a signed folder, prints the manifest’s figures, and verify checks the folder', async () => {
    const first = await open();
    await first.close();
    const keysDir = join(folders.dir, 'keys');
    const database = databaseArgs(first.options);
    expect((await runHub(['init', '--province', PROVINCE, '--keys', keysDir, ...database])).code).toBe(0);

    const hub = await open(first.options);
    const station = new ProtocolStation('KMU01');
    await station.registerAt(hub.db);
    const id = randomUUID();
    const person = { name: '张晓明', documentKind: 'resident_id', documentNumber: residentId('530102', '19900307', '101'), birthDate: '1990-03-07' };
    const payload = { ...registrationPayload(id, randomUUID(), person, { program: 'organ' }), choice: { program: 'organ', organs: { kind: 'all' } } };
    const keys = loadProvinceKeys(keysDir, { passphrase: TEST_HUB_PASSPHRASE });
    const taken = await ingestBatchFile(station.batchFile(station.queue({ kind: 'registration', entityId: id, version: 1, payload })), { hub, provinceCode: PROVINCE, keys });
    expect(taken.outcome).toBe('applied');
    await hub.close();

    const out = join(folders.dir, 'out');
    const run = await runHub(['export', '--platform', 'codac', '--out', out, '--keys', keysDir, ...database]);
    expect(run.code, run.stderr).toBe(0);
    const line = JSON.parse(run.stdout.trim()) as { folder: string; cursor: { from: number; to: number }; counts: unknown; mapVersion: string };
    expect(line).toMatchObject({ platform: 'codac', cursor: { from: 0 }, counts: { events: { registered: 1, changed: 0, withdrawn: 0 }, files: { codac: 1 } } });
    expect(readFileSync(join(line.folder, 'codac.csv'), 'utf8')).toContain(person.documentNumber);

    const verified = await runHub(['export', 'verify', line.folder, '--keys', keysDir]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout.trim())).toMatchObject({ valid: true, signature: true, platform: 'codac', cursor: line.cursor });

    writeFileSync(join(line.folder, 'codac.csv'), 'altered');
    const altered = await runHub(['export', 'verify', line.folder, '--public-key', join(keysDir, 'province-signing.pub.pem')]);
    expect(altered.code).toBe(1);
    expect(JSON.parse(altered.stdout.trim())).toMatchObject({ valid: false, signature: true });

    const unknown = await runHub(['export', '--platform', 'nowhere', '--out', out, '--keys', keysDir, ...database]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--platform wants one of codac, cmdp, receiving-stations, social-card/);
  });
});
