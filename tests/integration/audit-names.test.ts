import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../shared/contract/calls';
import { callsOn } from '../fixtures/dispatch';
import { samplePerson, sampleRegistration } from '../fixtures/registrations';
import { kioskCaller, openTempStation, sampleSetup } from '../fixtures/temp-station';

type Station = Awaited<ReturnType<typeof openTempStation>>;
type Entry = CallOutput<'audit:list'>['entries'][number];

const admin = { sessionKey: 'admin-desk' };
let station: Station;
const { ok, refusal } = callsOn(() => station, () => admin);

beforeEach(async () => {
  station = await openTempStation();
  await ok('station:setup', sampleSetup);
});
afterEach(async () => {
  await station.remove();
});

function entriesOf(entries: Entry[], action: string, objectType: string): Entry[] {
  return entries.filter((entry) => entry.action === action && entry.objectType === objectType);
}

describe('audit:list names what each entry is about', () => {
  it('by registration number, document serial, username and registration numbers of a person, never a name', async () => {
    const created = await ok('registration:create', sampleRegistration());
    const numbers = created.registrations.map((registration) => registration.number);
    const serials = created.receipts.map((receipt) => receipt.serial);
    await ok('person:get', { personId: created.personId });
    const account = await ok('staff:create', { username: 'li.registrar', displayName: '李登记', role: 'registrar', password: 'registrar pass 1', pin: '1357' });
    const visit = await ok('visitor:signIn', { partySize: 2, purpose: 'remembrance', visitorName: '赵六' }, kioskCaller);

    const { entries } = await ok('audit:list', { limit: 200 });

    const registrations = entriesOf(entries, 'create', 'registration');
    expect(registrations.map((entry) => entry.objectName).sort()).toEqual([...numbers].sort());
    const documents = entries.filter((entry) => entry.objectType === 'document');
    expect(documents.length).toBeGreaterThan(0);
    for (const entry of documents) expect(serials).toContain(entry.objectName);
    const viewed = entriesOf(entries, 'view', 'person');
    expect(viewed.map((entry) => entry.objectName)).toEqual([numbers.join(', ')]);
    expect(entriesOf(entries, 'account_create', 'staff').map((entry) => entry.objectName)).toContain(account.username);

    // No human identifier for a visit: a short id, and never the visitor's or the person's name.
    const [signedIn] = entriesOf(entries, 'create', 'visitor_sign_in');
    expect(signedIn?.objectId).toBe(visit.id);
    expect(signedIn?.objectName).toBe(visit.id.slice(0, 8));
    const listed = JSON.stringify(entries);
    expect(listed).not.toContain('赵六');
    expect(listed).not.toContain(samplePerson.name);
    expect(listed).not.toContain(samplePerson.document.number);
  });
});

describe('audit:list refuses a reversed date range', () => {
  it('with date_range_reversed on `to`, instead of silently matching nothing', async () => {
    const error = await refusal('audit:list', { from: '2026-03-02T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z', limit: 50 });
    expect(error).toMatchObject({ code: 'validation_failed', issues: [{ path: 'to', reason: 'date_range_reversed' }] });
    // The same day at both ends is a range, not a reversal.
    await ok('audit:list', { from: '2026-03-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z', limit: 50 });
  });
});
