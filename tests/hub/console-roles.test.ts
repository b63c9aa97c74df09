import { expect, it } from 'vitest';
import { consoleContract, consoleCallNames, consoleAreaOf, consoleContractAreas } from '../../shared/console/contract';
import { consoleRoles } from '../../shared/console/roles';
import { describeOnBothEngines } from './support/both-engines';
import { auditActions, consoleFixture, type ConsoleFixture } from './support/console';
import { decidedReviewEntry, openReviewEntry } from './support/review-entries';
import { PROVINCE } from './support/batches';
import { runExport } from '../../hub/exports/run-export';

/**
 * A valid input of every console call, made from the fixture (its accounts). A call added to the contract
 * without an entry here fails this test: add its input in the same change.
 */
const validInputs: Record<string, (fixture: ConsoleFixture) => unknown> = {
  'session:signIn': () => ({ username: 'analyst-one', password: 'correct horse battery staple' }),
  'session:signOut': () => undefined,
  'session:current': () => undefined,
  'session:changePassword': () => ({ currentPassword: 'correct horse battery staple', newPassword: 'another long passphrase' }),
  'accounts:list': () => undefined,
  'accounts:create': () => ({ username: `new-${Math.random().toString(36).slice(2, 10)}`, displayName: 'New colleague', role: 'analyst', password: 'a temporary password' }),
  'accounts:disable': (fixture) => ({ accountId: fixture.spare.id }),
  'accounts:resetPassword': (fixture) => ({ accountId: fixture.spare.id, password: 'a temporary password' }),
  'audit:list': () => ({ limit: 10 }),
  'audit:verify': () => undefined,
  'stations:overview': () => ({ silentAfterDays: 7 }),
  'ingest:log': () => ({ pageSize: 20, outcome: 'refused' }),
  'review:list': () => ({ state: 'open' }),
  'review:detail': async (fixture) => ({ id: await openReviewEntry(fixture.hub, fixture.resources.keys.data) }),
  'review:decide': async (fixture) => ({ id: await openReviewEntry(fixture.hub, fixture.resources.keys.data), decision: 'keep_apart', reason: 'two people' }),
  'review:undo': async (fixture) => ({ id: await decidedReviewEntry(fixture.hub, fixture.resources.keys.data, fixture.accounts.reviewer.id) }),
  'figures:get': () => ({ from: '2026-01-01', to: '2026-12-31' }),
  'figures:table': () => ({ from: '2026-01-01', to: '2026-12-31', format: 'csv', language: 'zh-CN' }),
  'figures:yearlyReport': () => ({ year: 2026 }),
  'figures:care': () => ({ year: 2026 }),
  'exports:maps': () => undefined,
  'exports:start': () => ({ platform: 'codac' }),
  'exports:progress': async (fixture) => {
    const jobs = fixture.resources.exportJobs;
    const job = jobs.start({ platform: 'cmdp', startedBy: fixture.accounts.analyst.id }, () => Promise.reject(new Error('not run')), () => 'internal', async () => undefined);
    await jobs.whenIdle();
    return { jobId: job?.id };
  },
  'exports:runs': () => ({}),
  'exports:verify': async (fixture) => {
    const { keys, exportsFolder } = fixture.resources;
    const run = await runExport(fixture.hub, PROVINCE, { platform: 'codac', outDir: exportsFolder ?? '', createdBy: fixture.accounts.analyst.id }, keys);
    return { runId: run.runId };
  },
};

/** What an allowed call leaves in the audit trail after its own entry, once the work it started has ended. */
const laterEntries: Record<string, string[]> = { 'exports:start': ['exports:finished'] };

it('every console call has a valid input in the roles table, and each call sits in the area its prefix names', () => {
  const missing = consoleCallNames.filter((name) => validInputs[name] === undefined);
  expect(missing).toEqual([]);
  for (const [area, calls] of Object.entries(consoleContractAreas)) {
    for (const name of Object.keys(calls)) expect(consoleAreaOf(name)).toBe(area);
  }
});

describeOnBothEngines('the console: the roles matrix of every call', (open) => {
  for (const name of consoleCallNames) {
    const spec = consoleContract[name];
    it(`${name}: ${spec.signedOut ? 'made signed out' : `allowed to ${spec.roles.join(', ')}, refused to the others`}`, async () => {
      const fixture = await consoleFixture(await open());
      const input = validInputs[name];
      if (input === undefined) throw new Error(`no valid input for ${name} in the roles table`);
      if (spec.signedOut) {
        const answer = await fixture.call(name, await input(fixture), null);
        expect(answer.result).toMatchObject({ ok: true });
        return;
      }
      const signedOut = await fixture.call(name, await input(fixture), null);
      expect(signedOut.result).toEqual({ ok: false, error: { code: 'not_signed_in' } });
      for (const role of consoleRoles) {
        const made = await input(fixture);
        const before = await auditActions(fixture.hub);
        const answer = await fixture.call(name, made, await fixture.sessionOf(role));
        if (spec.roles.includes(role)) {
          expect(answer.result, `${role} may call ${name}`).toMatchObject({ ok: true });
          await fixture.resources.exportJobs.whenIdle();
          // An audited call leaves exactly its entry (and those of the work it started); another leaves none.
          expect((await auditActions(fixture.hub)).slice(before.length)).toEqual(spec.audited ? [name, ...(laterEntries[name] ?? [])] : []);
        } else {
          expect(answer.result, `${role} may not call ${name}`).toEqual({ ok: false, error: { code: 'forbidden' } });
          expect((await auditActions(fixture.hub)).slice(before.length)).toEqual(['call:forbidden']);
        }
      }
    });
  }
});
