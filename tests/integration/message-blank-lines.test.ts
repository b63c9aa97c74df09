import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH } from '../../shared/domain/visitors';
import { callsOn } from '../fixtures/dispatch';
import { kioskCaller, openTempStation, sampleAdmin, sampleSetup } from '../fixtures/temp-station';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
const desk = { sessionKey: 'admin-desk' };

beforeEach(async () => {
  station = await openTempStation();
  await ok('station:setup', sampleSetup);
  await ok('session:login', { username: sampleAdmin.username, password: sampleAdmin.password });
});
afterEach(async () => {
  await station.remove();
});

const { ok, refusal } = callsOn(() => station, () => desk);

/** Leaves a message at the kiosk and approves it; returns its id. */
async function leaveAndApprove(message: string): Promise<string> {
  await ok('visitor:signIn', { partySize: 1, purpose: 'remembrance', message }, kioskCaller);
  const [pending] = (await ok('messages:list', { state: 'pending' })).messages;
  if (!pending) throw new Error('no pending message');
  await ok('messages:approve', { id: pending.id });
  return pending.id;
}

async function wallText(): Promise<string[]> {
  return (await ok('messages:wall', {}, kioskCaller)).messages.map((message) => message.message);
}

describe('blank lines in a visitor message', () => {
  it('collapses a run of twenty blank lines to one, at sign-in, for moderation and the wall', async () => {
    const id = await leaveAndApprove(`第一行${'\n'.repeat(21)}第二十行`);

    const stored = station.connection.sqlite.prepare('select body from visitor_message where id = ?').get(id) as { body: string };
    expect(station.services.protection.open(stored.body, 'visitor_message.body')).toBe('第一行\n\n第二十行');
    expect((await ok('messages:list', { state: 'approved' })).messages.map((message) => message.message)).toEqual(['第一行\n\n第二十行']);
    expect(await wallText()).toEqual(['第一行\n\n第二十行']);
  });

  it('drops leading and trailing blank lines, counts lines of spaces as blank, and keeps single breaks', async () => {
    await leaveAndApprove('\n\n \n爸爸：\r\n我们想您了。\n  \n\u3000\n\t\n永远怀念\n\n\n');
    // The tab line is blank too, so the run collapses; a tab typed inside text stays refused (free-text rule).
    expect(await wallText()).toEqual(['爸爸：\n我们想您了。\n\n永远怀念']);
    expect(await refusal('visitor:signIn', { partySize: 1, purpose: 'remembrance', message: '爸爸\t想您' }, kioskCaller)).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'message', reason: 'text_characters' }],
    });
  });

  it('counts the length after collapsing, so blank lines cannot make a message too long', async () => {
    const half = '念'.repeat(MAX_MESSAGE_LENGTH / 2 - 1);
    await leaveAndApprove(`${half}${'\n'.repeat(40)}${half}`);
    expect(await wallText()).toEqual([`${half}\n\n${half}`]);
    expect(await refusal('visitor:signIn', { partySize: 1, purpose: 'remembrance', message: `${half}\n\n${half}念念` }, kioskCaller)).toMatchObject({
      issues: [{ path: 'message', reason: 'text_too_long' }],
    });
  });

  it('shows and sends a message stored earlier with a run of blank lines as the wall shows it', async () => {
    await ok('visitor:signIn', { partySize: 1, purpose: 'remembrance', message: '愿您安息' }, kioskCaller);
    const [pending] = (await ok('messages:list', { state: 'pending' })).messages;
    // A message accepted before the rule existed, as it lies in the database.
    const sealed = station.services.protection.seal(`愿您安息${'\n'.repeat(15)}家人敬上`, 'visitor_message.body');
    station.connection.sqlite.prepare('update visitor_message set body = ? where id = ?').run(sealed, pending?.id);
    await ok('messages:approve', { id: pending?.id ?? '' });

    expect(await wallText()).toEqual(['愿您安息\n\n家人敬上']);
    const [queued] = station.connection.sqlite
      .prepare("select payload from outbox join outbox_payload using (seq) where kind = 'visitor_message'")
      .all() as Array<{ payload: string }>;
    expect(JSON.parse(station.services.protection.open(queued?.payload ?? '', 'outbox.payload'))).toMatchObject({ state: 'approved', body: '愿您安息\n\n家人敬上' });
  });
});
