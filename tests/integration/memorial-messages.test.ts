import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/contract/calls';
import { MAX_MESSAGE_LENGTH } from '../../shared/domain/visitors';
import { FieldCipher } from '../../electron/security/field-cipher';
import { callsOn, signInStaffDesks } from '../fixtures/dispatch';
import { kioskCaller, openTempStation, sampleAdmin, sampleSetup } from '../fixtures/temp-station';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
/** Moves one second on every reading, so that each sign-in is later than the one before. */
let tick = 0;
const clock = { now: () => new Date(Date.UTC(2026, 3, 4, 2, 0, tick++)) };
const desk = { sessionKey: 'admin-desk' };
const registrarDesk = { sessionKey: 'registrar-desk' };
const auditorDesk = { sessionKey: 'auditor-desk' };

beforeEach(async () => {
  tick = 0;
  station = await openTempStation({ clock });
  await ok('station:setup', sampleSetup);
  await signInStaffDesks(station, desk, [
    { role: 'registrar', desk: registrarDesk },
    { role: 'auditor', desk: auditorDesk },
  ]);
});
afterEach(async () => {
  await station.remove();
});

const { ok, refusal } = callsOn(() => station, () => desk);

function rows<T>(sql: string, ...params: unknown[]): T[] {
  return station.connection.sqlite.prepare(sql).all(...params) as T[];
}

function count(table: string, where = '1 = 1'): number {
  return (station.connection.sqlite.prepare(`select count(*) as n from ${table} where ${where}`).get() as { n: number }).n;
}

/** A kiosk sign-in with a message; returns the id of the message (found through its sign-in). */
async function leaveMessage(message: string, extra: Partial<CallInput<'visitor:signIn'>> = {}): Promise<string> {
  const visit = await ok('visitor:signIn', { partySize: 2, purpose: 'remembrance', message, ...extra }, kioskCaller);
  const [row] = rows<{ id: string }>('select id from visitor_message where sign_in_id = ?', visit.id);
  if (!row) throw new Error('no message stored');
  return row.id;
}

describe('a message left at sign-in', () => {
  it('is stored sealed and pending with the visit, audited, and not queued for sync until staff decide', async () => {
    const visit = await ok(
      'visitor:signIn',
      { partySize: 3, purpose: 'qingming', visitorName: '张三丰', relation: 'family', groupName: '张氏家族', message: '  爸爸，我们想您了。 ' },
      kioskCaller,
    );
    expect(visit).toMatchObject({ partySize: 3, visitorName: '张*', messageState: 'pending' });

    const [message] = rows<Record<string, string | null>>('select * from visitor_message');
    expect(message).toMatchObject({ sign_in_id: visit.id, state: 'pending', relation: 'family', version: 1, decided_at: null });
    expect(message?.body).not.toContain('想您');
    expect(station.services.protection.open(message?.body ?? '', 'visitor_message.body')).toBe('爸爸，我们想您了。');
    // Only the masked name travels with the message: the full one stays with the sign-in.
    expect(station.services.protection.open(message?.author_masked ?? '', 'visitor_message.author_masked')).toBe('张*');

    const [signIn] = rows<{ relation: string; group_name: string }>('select relation, group_name from visitor_sign_in');
    expect(signIn?.relation).toBe('family');
    expect(signIn?.group_name).not.toContain('张氏');
    expect(station.services.protection.open(signIn?.group_name ?? '', 'visitor_sign_in.group_name')).toBe('张氏家族');

    expect(rows('select kind from outbox')).toEqual([{ kind: 'visitor_sign_in' }]);
    const [queued] = rows<{ payload: string }>('select payload from outbox join outbox_payload using (seq)');
    expect(JSON.parse(station.services.protection.open(queued?.payload ?? '', 'outbox.payload'))).toMatchObject({
      relation: 'family',
      group_name: '张氏家族',
    });
    expect(rows("select object_type from audit_log where action = 'create' order by seq")).toEqual([
      { object_type: 'visitor_sign_in' },
      { object_type: 'visitor_message' },
    ]);
  });

  it('is refused when too long, with the field and a translatable reason, and nothing is stored', async () => {
    const error = await refusal(
      'visitor:signIn',
      { partySize: 1, purpose: 'tour', relation: 'cousin', message: '念'.repeat(MAX_MESSAGE_LENGTH + 1) },
      kioskCaller,
    );
    expect(error).toMatchObject({
      code: 'validation_failed',
      issues: [
        { path: 'relation', reason: 'visitor_relation' },
        { path: 'message', reason: 'text_too_long' },
      ],
    });
    expect(count('visitor_sign_in')).toBe(0);
    expect(count('visitor_message')).toBe(0);
    // Exactly the limit is accepted; a blank message means none.
    await ok('visitor:signIn', { partySize: 1, purpose: 'tour', message: '念'.repeat(MAX_MESSAGE_LENGTH) }, kioskCaller);
    expect(await ok('visitor:signIn', { partySize: 1, purpose: 'tour', message: '   ' }, kioskCaller)).toMatchObject({ messageState: null });
    expect(count('visitor_message')).toBe(1);
  });
});

describe('moderation', () => {
  it('approves a pending message onto the wall, audited and queued with what the wall shows', async () => {
    const id = await leaveMessage('愿您安息', { visitorName: '李四', relation: 'friend' });
    expect((await ok('messages:wall', {})).messages).toEqual([]);

    const approved = await ok('messages:approve', { id }, registrarDesk);
    expect(approved).toMatchObject({ id, state: 'approved', message: '愿您安息', author: '李*', relation: 'friend', decidedBy: 'registrar 一', rejectReason: null });

    const wall = await ok('messages:wall', {}, kioskCaller);
    expect(wall).toMatchObject({ total: 1, page: 0, pageSize: 12 });
    expect(wall.messages).toEqual([{ id, message: '愿您安息', author: '李*', relation: 'friend', writtenOn: '2026-04-04' }]);

    const queued = rows<{ kind: string; version: number; payload: string }>("select * from outbox join outbox_payload using (seq) where kind = 'visitor_message'");
    expect(queued).toHaveLength(1);
    expect(queued[0]?.version).toBe(2);
    expect(JSON.parse(station.services.protection.open(queued[0]?.payload ?? '', 'outbox.payload'))).toMatchObject({
      id,
      state: 'approved',
      body: '愿您安息',
      author_masked: '李*',
    });
    expect(rows("select actor_role, object_id from audit_log where action = 'message_approve'")).toEqual([{ actor_role: 'registrar', object_id: id }]);
  });

  it('rejects only with a reason; a rejected message never reaches the wall and its text never leaves the station', async () => {
    const id = await leaveMessage('广告：出售墓地');
    expect(await refusal('messages:reject', { id, reason: '  ' }, registrarDesk)).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'reason', reason: 'required' }],
    });
    const rejected = await ok('messages:reject', { id, reason: '含有广告' }, registrarDesk);
    expect(rejected).toMatchObject({ state: 'rejected', rejectReason: '含有广告' });
    const [stored] = rows<{ reject_reason: string }>('select reject_reason from visitor_message');
    expect(stored?.reject_reason).not.toContain('广告');

    expect(await ok('messages:wall', {})).toMatchObject({ total: 0, messages: [] });
    const [queued] = rows<{ payload: string }>("select payload from outbox join outbox_payload using (seq) where kind = 'visitor_message'");
    const payload = JSON.parse(station.services.protection.open(queued?.payload ?? '', 'outbox.payload'));
    expect(payload).toMatchObject({ id, state: 'rejected' });
    expect(payload).not.toHaveProperty('body');
    expect(rows("select object_id from audit_log where action = 'message_reject'")).toEqual([{ object_id: id }]);
  });

  it('keeps a decision final: a second one is refused, and the database refuses to change it', async () => {
    const id = await leaveMessage('谢谢您');
    await ok('messages:reject', { id, reason: '重复留言' });
    expect(await refusal('messages:approve', { id })).toMatchObject({ code: 'message_not_pending' });
    expect(await refusal('messages:reject', { id, reason: '再次退回' })).toMatchObject({ code: 'message_not_pending' });
    expect(await refusal('messages:approve', { id: 'no-such-message' })).toMatchObject({ code: 'not_found' });
    expect(count('outbox', "kind = 'visitor_message'")).toBe(1);
    expect(() => station.connection.sqlite.prepare("update visitor_message set state = 'approved'").run()).toThrow(/final/);
    expect((await ok('messages:wall', {})).total).toBe(0);
  });

  it('is for staff who keep records: the kiosk and auditors are refused', async () => {
    const id = await leaveMessage('一路走好');
    expect(await refusal('messages:list', {}, kioskCaller)).toMatchObject({ code: 'not_signed_in' });
    expect(await refusal('messages:approve', { id }, kioskCaller)).toMatchObject({ code: 'not_signed_in' });
    expect(await refusal('messages:approve', { id }, auditorDesk)).toMatchObject({ code: 'forbidden' });
    expect(rows('select state from visitor_message')).toEqual([{ state: 'pending' }]);
  });

  it('lists one state at a time, newest first, with the count of each, and audits the reading', async () => {
    const first = await leaveMessage('第一条');
    const second = await leaveMessage('第二条', { visitorName: 'John Smith' });
    const third = await leaveMessage('第三条');
    await ok('messages:approve', { id: first });
    await ok('messages:reject', { id: third, reason: '无关内容' });
    const fourth = await leaveMessage('第四条');

    const pending = await ok('messages:list', {}, registrarDesk);
    expect(pending.counts).toEqual({ pending: 2, approved: 1, rejected: 1 });
    expect(pending.messages.map((m) => [m.id, m.message, m.author])).toEqual([
      [fourth, '第四条', null],
      [second, '第二条', 'J*'],
    ]);
    const rejected = await ok('messages:list', { state: 'rejected' }, registrarDesk);
    expect(rejected.messages.map((m) => [m.id, m.rejectReason, m.decidedBy])).toEqual([[third, '无关内容', sampleAdmin.displayName]]);
    expect(rows("select actor_role, object_type, detail from audit_log where action = 'view' order by seq")).toEqual([
      { actor_role: 'registrar', object_type: 'visitor_message', detail: JSON.stringify({ state: 'pending', count: 2 }) },
      { actor_role: 'registrar', object_type: 'visitor_message', detail: JSON.stringify({ state: 'rejected', count: 1 }) },
    ]);
  });
});

describe('key rotation', () => {
  it('re-seals the messages, their reasons and the group names under the new key, and they still read', async () => {
    const approved = await leaveMessage('永远怀念', { visitorName: '周八', groupName: '周氏家族' });
    await ok('messages:approve', { id: approved });
    const rejected = await leaveMessage('广告');
    await ok('messages:reject', { id: rejected, reason: '含有广告' });
    const sealed = () =>
      rows<{ v: string }>(
        `select body as v from visitor_message union all select author_masked from visitor_message where author_masked is not null
         union all select reject_reason from visitor_message where reject_reason is not null
         union all select group_name from visitor_sign_in where group_name is not null`,
      ).map((row) => FieldCipher.keyIdOf(row.v));
    const before = sealed();
    expect(before).toHaveLength(5);

    await station.services.protection.rotate();
    const after = sealed();
    expect(after).toHaveLength(5);
    expect(new Set(before)).toEqual(new Set([before[0]]));
    expect(new Set(after)).toEqual(new Set([station.services.protection.cipher.currentKeyId]));
    expect(after[0]).not.toBe(before[0]);
    expect((await ok('messages:wall', {})).messages.map((m) => [m.message, m.author])).toEqual([['永远怀念', '周*']]);
    expect((await ok('messages:list', { state: 'rejected' })).messages.map((m) => m.rejectReason)).toEqual(['含有广告']);
    expect((await ok('visitor:list', {})).visitors.map((v) => v.groupName)).toEqual([null, '周氏家族']);
  });
});

describe('the public wall', () => {
  it('shows approved messages only, newest first, a page at a time', async () => {
    const approved: string[] = [];
    for (let index = 1; index <= 30; index += 1) {
      const id = await leaveMessage(`留言 ${index}`, index % 2 === 0 ? { visitorName: '王五', relation: 'colleague' } : {});
      await ok('messages:approve', { id });
      approved.push(id);
      // Pending and rejected messages in between must never show.
      await leaveMessage(`待审 ${index}`);
      if (index % 5 === 0) await ok('messages:reject', { id: await leaveMessage(`退回 ${index}`), reason: '不当内容' });
    }
    const newestFirst = [...approved].reverse();

    const first = await ok('messages:wall', { page: 0 }, kioskCaller);
    expect(first).toMatchObject({ total: 30, page: 0, pageSize: 12 });
    expect(first.messages.map((m) => m.id)).toEqual(newestFirst.slice(0, 12));
    expect(first.messages[0]).toMatchObject({ message: '留言 30', author: '王*', relation: 'colleague' });
    expect(first.messages[1]).toMatchObject({ message: '留言 29', author: null, relation: null });

    const second = await ok('messages:wall', { page: 1 }, kioskCaller);
    expect(second.messages.map((m) => m.id)).toEqual(newestFirst.slice(12, 24));
    const third = await ok('messages:wall', { page: 2 }, kioskCaller);
    expect(third.messages.map((m) => m.id)).toEqual(newestFirst.slice(24));
    expect(third.messages).toHaveLength(6);
    expect(await ok('messages:wall', { page: 3 }, kioskCaller)).toMatchObject({ total: 30, messages: [] });

    const everything = [...first.messages, ...second.messages, ...third.messages].map((m) => m.message).join(' ');
    expect(everything).not.toMatch(/待审|退回/);
    expect(await refusal('messages:wall', { pageSize: 100 }, kioskCaller)).toMatchObject({ code: 'validation_failed' });
  });
});
