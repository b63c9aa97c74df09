import { createPublicKey, randomBytes, randomInt } from 'node:crypto';
import { join } from 'node:path';
import { openStation, type OpenStation } from '../../electron/app/open-station';
import { callStation } from '../../electron/cli/command-support';
import { SeedClock, seedVisitsAndSessions } from '../../electron/cli/seed-visits';
import { FileKeyStore } from '../../electron/security/key-store';
import type { CallName, CallOutput } from '../../shared/contract/calls';
import { stationDate } from '../../shared/domain/age';
import type { PlannedRegistration } from './demo-registrations';
import { REGISTRATION_HISTORY_DAYS, type DemoStation } from './demo-stations';

/**
 * One demonstration station from its first day to its export: a real station in a data folder of its own,
 * driven through its calls and services on a clock set to each moment of its history (set up before its first
 * registration, registrations and withdrawals at the desk, memorial visits and life-education sessions), then
 * exporting its outbox as batch files encrypted to the province, as a station does for a USB stick.
 */

/** What a demonstration station did, the key the province registers for it, and where its batch files are. */
export interface ExportedDemoStation {
  plan: DemoStation;
  /** When the station was set up (the moment it is registered at the hub with). */
  setUpAt: Date;
  /** The station's signing key, SubjectPublicKeyInfo DER. */
  publicKeySpki: Buffer;
  /** The batch files written, in the folder given. */
  batchFiles: string[];
  registrations: number;
  withdrawals: number;
  visits: number;
  /** Sessions held (not cancelled, not still to come). */
  sessionsHeld: number;
  surveys: number;
}

/** Where the station runs, and what it needs from the province. */
export interface DemoStationOptions {
  dataDir: string;
  batchFolder: string;
  seed: number;
  now: Date;
  /** The province's public keys (PEM) the station verifies acknowledgements with and encrypts its batches to. */
  provincePems: { signing: string; encryption: string };
  /** Records per batch file. */
  batchSize: number;
}

const DAY_MS = 86_400_000;

/** A call as the station's own command line makes it; a refusal stops the seeding with the call's code. */
async function call<N extends CallName>(station: OpenStation, name: N, input: unknown): Promise<CallOutput<N>> {
  const result = await callStation(station, name, input);
  if (!result.ok) throw new Error(`${name} was refused by the demonstration station: ${result.error.code} ${JSON.stringify(result.error.issues ?? [])}`);
  return result.data;
}

/** Runs the station's history and export; the data folder is left for the caller to remove. */
export async function runDemoStation(plan: DemoStation, registrations: readonly PlannedRegistration[], options: DemoStationOptions): Promise<ExportedDemoStation> {
  const clock = new SeedClock();
  const setUpAt = new Date(options.now.getTime() - (REGISTRATION_HISTORY_DAYS + 7) * DAY_MS);
  clock.pin(setUpAt);
  const station = await openStation({
    dataDir: options.dataDir,
    clock,
    keyStore: new FileKeyStore(join(options.dataDir, 'station.key')),
    program: 'hub:seed-demo',
  });
  try {
    // The administrator is never signed in: the calls are the command line's, and the folder is thrown away.
    await call(station, 'station:setup', {
      code: plan.code,
      name: plan.name,
      kind: plan.kind,
      regionCode: plan.regionCode.slice(0, 4),
      admin: { username: 'demo.admin', displayName: '演示管理员', password: randomBytes(18).toString('base64url'), pin: String(randomInt(100_000, 1_000_000)) },
    });
    await call(station, 'sync:importProvinceKey', { use: 'signing', pem: options.provincePems.signing });
    await call(station, 'sync:importProvinceKey', { use: 'encryption', pem: options.provincePems.encryption });
    await call(station, 'sync:settings', { endpoint: null, batchSize: options.batchSize, twoPersonApproval: false });

    const withdrawals = await registerAndWithdraw(station, clock, registrations);
    let activity = { visits: 0, sessionsHeld: 0, surveys: 0 };
    if (plan.visits > 0 || plan.sessions > 0) {
      const result = await seedVisitsAndSessions(station, clock, { visits: plan.visits, sessions: plan.sessions, seed: options.seed, today: stationDate(options.now) });
      if (!result.ok) throw new Error(`${result.step} was refused by the demonstration station: ${result.code}`);
      activity = { visits: result.visits.signIns, sessionsHeld: result.sessions.scheduled - result.sessions.cancelled - result.sessions.upcoming, surveys: result.sessions.surveys };
    }

    clock.pin(null);
    const exported = await call(station, 'sync:export', { folder: options.batchFolder });
    const { publicKey } = await call(station, 'documents:publicKey', undefined);
    return {
      plan,
      setUpAt,
      publicKeySpki: createPublicKey(publicKey).export({ type: 'spki', format: 'der' }),
      batchFiles: exported.files,
      registrations: registrations.length,
      withdrawals,
      ...activity,
    };
  } finally {
    clock.pin(null);
    await station.close();
  }
}

/** One moment of the desk's history. */
interface DeskStep {
  at: Date;
  run: () => Promise<void>;
}

/**
 * Registers each planned person at their moment and withdraws the planned ones at theirs, all in time order
 * (a withdrawal comes after its registration by construction). Returns how many were withdrawn.
 */
async function registerAndWithdraw(station: OpenStation, clock: SeedClock, planned: readonly PlannedRegistration[]): Promise<number> {
  const steps: DeskStep[] = [];
  let withdrawals = 0;
  for (const registration of planned) {
    steps.push({
      at: registration.at,
      run: async () => {
        const created = await call(station, 'registration:create', registration.input);
        const withdrawAt = registration.withdrawAt;
        // A body donation's withdrawal may need a notarised statement; the demonstration withdraws another program.
        const withdrawn = created.registrations.find((summary) => summary.program !== 'body');
        if (withdrawAt === null || withdrawn === undefined) return;
        steps.push({
          at: withdrawAt,
          run: async () => {
            await call(station, 'registration:withdraw', {
              registrationId: withdrawn.id,
              expectedVersion: withdrawn.version,
              identity: registration.input.person.document,
              reason: '本人要求撤回登记',
              receiptLanguage: 'zh-CN',
            });
            withdrawals += 1;
          },
        });
      },
    });
  }
  // Steps add later steps: always run the earliest left.
  for (;;) {
    steps.sort((a, b) => a.at.getTime() - b.at.getTime());
    const step = steps.shift();
    if (step === undefined) return withdrawals;
    clock.pin(step.at);
    await step.run();
  }
}
