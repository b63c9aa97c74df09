import { createPublicKey } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openStation } from '../../electron/app/open-station';
import { sampleRegistration } from '../fixtures/registrations';
import { makeTempDir, sampleSetup } from '../fixtures/temp-station';
import { runCli } from '../fixtures/cli';

const temps: Array<{ remove(): void }> = [];
afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));

function cli(dataDir: string, args: string[]) {
  return runCli(dataDir, args, { lang: 'en_US.UTF-8' });
}

/** A station with one issued receipt; returns its folder and the receipt's payload. */
async function stationWithReceipt(): Promise<{ dir: string; payload: string; serial: string }> {
  const temp = makeTempDir();
  temps.push(temp);
  const station = await openStation({ dataDir: temp.dir });
  try {
    const desk = { sessionKey: 'desk' };
    await station.dispatch('station:setup', sampleSetup, desk);
    const created = await station.dispatch('registration:create', sampleRegistration(), desk);
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const registrationId = (created.data as { registrations: Array<{ id: string }> }).registrations[0]!.id;
    const issued = await station.dispatch('documents:issue', { kind: 'receipt', subject: { type: 'registration', id: registrationId }, language: 'zh-CN' }, desk);
    if (!issued.ok) throw new Error(JSON.stringify(issued.error));
    const serial = (issued.data as { serial: string }).serial;
    const row = station.connection.sqlite.prepare('select payload from document where serial = ?').get(serial) as { payload: string };
    return { dir: temp.dir, payload: row.payload, serial };
  } finally {
    await station.close();
  }
}

describe('cli verify-document and export-public-key', () => {
  it('says genuine for a payload the station issued and forged for a changed one, with exit codes to act on', async () => {
    const { dir, payload, serial } = await stationWithReceipt();
    const genuine = cli(dir, ['verify-document', payload]);
    expect(genuine.code, genuine.stderr).toBe(0);
    expect(JSON.parse(genuine.stdout)).toMatchObject({ result: 'genuine', serial, kind: 'receipt', message: 'Genuine: issued by this station.' });

    const changed = payload.slice(0, 10) + (payload[10] === 'A' ? 'B' : 'A') + payload.slice(11);
    const both = cli(dir, ['verify-document', payload, changed]);
    expect(both.code).toBe(1);
    expect(both.stdout.trim().split('\n').map((line) => JSON.parse(line).result)).toEqual(['genuine', 'forged']);
    expect(cli(dir, ['verify-document']).code).toBe(2);
  });

  it('prints the public key as PEM, audited as an export', async () => {
    const { dir } = await stationWithReceipt();
    const exported = cli(dir, ['export-public-key']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(createPublicKey(exported.stdout).asymmetricKeyType).toBe('ed25519');
    const station = await openStation({ dataDir: dir });
    try {
      const exports = station.connection.sqlite.prepare("select count(*) as n from audit_log where action = 'export' and object_type = 'signing_key'").get() as { n: number };
      expect(exports.n).toBe(1);
    } finally {
      await station.close();
    }
  });
});
