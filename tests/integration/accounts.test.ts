import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callNames, contract, type CallName } from '../../shared/contract/calls';
import { FAMILY_CONSENT_TEXT_VERSION } from '../../shared/domain/family';
import { MEMORIAL_CONSENT_TEXT_VERSION } from '../../shared/domain/memorial-names';
import { roles, staffRoles, type Role } from '../../shared/domain/roles';
import { kioskCaller, openTempStation, sampleAdmin, sampleSetup } from '../fixtures/temp-station';
import { samplePaperwork, samplePerson, sampleRegistration, SAMPLE_SIGNATURE } from '../fixtures/registrations';

type TempStation = Awaited<ReturnType<typeof openTempStation>>;

let station: TempStation;
let now = new Date('2026-04-04T09:00:00.000Z');
const admin = { sessionKey: 'admin-window' };

function advanceMinutes(minutes: number): void {
  now = new Date(now.getTime() + minutes * 60_000);
}

beforeEach(async () => {
  now = new Date('2026-04-04T09:00:00.000Z');
  station = await openTempStation({ clock: { now: () => now } });
  await station.dispatch('station:setup', sampleSetup, admin);
});
afterEach(async () => {
  await station.remove();
});

function auditActions(): string[] {
  return (station.connection.sqlite.prepare('select action from audit_log order by seq').all() as Array<{ action: string }>).map((row) => row.action);
}

const registrar = { username: 'li.registrar', displayName: '李登记', role: 'registrar', password: 'registrar pass 1', pin: '1357' } as const;

describe('staff accounts', () => {
  it('are created by an administrator and refused a second time with the same username', async () => {
    const created = await station.dispatch('staff:create', registrar, admin);
    expect(created).toMatchObject({ ok: true, data: { username: 'li.registrar', displayName: '李登记', role: 'registrar', lockedUntil: null } });
    expect(await station.dispatch('staff:create', { ...registrar, username: 'LI.Registrar ' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'username_taken' },
    });
    const listed = await station.dispatch('staff:list', undefined, admin);
    expect((listed as { data: { accounts: Array<{ username: string }> } }).data.accounts.map((a) => a.username)).toEqual(['admin', 'li.registrar']);
    const stored = station.connection.sqlite.prepare("select password_hash, pin_hash from staff where username = 'li.registrar'").get() as {
      password_hash: string;
      pin_hash: string;
    };
    expect(stored.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored.password_hash).not.toContain(registrar.password);
    expect(stored.pin_hash).not.toBe(stored.password_hash);
  });

  it('sign in, and lock for 15 minutes after five failures in a row', async () => {
    await station.dispatch('staff:create', registrar, admin);
    const desk = { sessionKey: 'desk' };
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await station.dispatch('session:login', { username: 'li.registrar', password: 'wrong' }, desk)).toMatchObject({
        ok: false,
        error: { code: 'login_failed' },
      });
    }
    // The fifth locks the account, with the same answer as any wrong password: it does not confirm the username.
    expect(await station.dispatch('session:login', { username: 'li.registrar', password: 'wrong' }, desk)).toMatchObject({
      ok: false,
      error: { code: 'login_failed' },
    });
    // Locked: even the right password is refused until the time is up.
    expect(await station.dispatch('session:login', { username: 'li.registrar', password: registrar.password }, desk)).toMatchObject({
      ok: false,
      error: { code: 'login_failed' },
    });
    advanceMinutes(15);
    const signedIn = await station.dispatch('session:login', { username: 'li.registrar', password: registrar.password }, desk);
    expect(signedIn).toMatchObject({ ok: true, data: { role: 'registrar', staff: { username: 'li.registrar' }, locked: false } });
    expect(auditActions().filter((a) => a.startsWith('login') || a === 'account_locked')).toEqual([
      'login_failed',
      'login_failed',
      'login_failed',
      'login_failed',
      'login_failed',
      'account_locked',
      'login_failed',
      'login',
    ]);
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const unknown = await station.dispatch('session:login', { username: 'nobody', password: 'whatever' }, { sessionKey: 'x' });
    const wrong = await station.dispatch('session:login', { username: 'admin', password: 'whatever' }, { sessionKey: 'y' });
    expect(unknown).toEqual(wrong);
  });

  it('lock a staff screen when asked or after the idle time, and reopen it with the PIN only', async () => {
    expect(await station.dispatch('session:get', undefined, admin)).toMatchObject({ ok: true, data: { locked: false, idleLockMinutes: 5 } });
    advanceMinutes(5);
    expect(await station.dispatch('staff:list', undefined, admin)).toMatchObject({ ok: false, error: { code: 'session_locked' } });
    expect(await station.dispatch('session:get', undefined, admin)).toMatchObject({ ok: true, data: { locked: true, role: 'admin' } });
    expect(await station.dispatch('session:unlock', { pin: '000000' }, admin)).toMatchObject({ ok: false, error: { code: 'pin_incorrect' } });
    expect(await station.dispatch('session:unlock', { pin: sampleAdmin.pin }, admin)).toMatchObject({ ok: true, data: { locked: false } });
    expect(await station.dispatch('staff:list', undefined, admin)).toMatchObject({ ok: true });

    expect(await station.dispatch('session:lock', undefined, admin)).toMatchObject({ ok: true, data: { locked: true } });
    expect(await station.dispatch('visitor:list', {}, admin)).toMatchObject({ ok: false, error: { code: 'session_locked' } });
    // Activity keeps a screen open: calls within the idle time do not lock it.
    await station.dispatch('session:unlock', { pin: sampleAdmin.pin }, admin);
    for (let i = 0; i < 3; i += 1) {
      advanceMinutes(4);
      expect(await station.dispatch('visitor:list', {}, admin)).toMatchObject({ ok: true });
    }
  });

  it('lock a staff screen that only polls for status: polling is not a person at work', async () => {
    for (let i = 0; i < 3; i += 1) {
      advanceMinutes(1.5);
      expect(await station.dispatch('sync:status', undefined, admin)).toMatchObject({ ok: true });
    }
    advanceMinutes(1);
    expect(await station.dispatch('sync:status', undefined, admin)).toMatchObject({ ok: false, error: { code: 'session_locked' } });
  });

  it('end the sign-in and lock the account after five wrong PINs', async () => {
    await station.dispatch('session:lock', undefined, admin);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await station.dispatch('session:unlock', { pin: '999999' }, admin)).toMatchObject({ error: { code: 'pin_incorrect' } });
    }
    expect(await station.dispatch('session:unlock', { pin: '999999' }, admin)).toMatchObject({ error: { code: 'account_locked' } });
    expect(await station.dispatch('session:get', undefined, admin)).toMatchObject({ ok: true, data: { role: 'kiosk', staff: null, locked: false } });
    expect(await station.dispatch('session:login', { username: 'admin', password: sampleAdmin.password }, admin)).toMatchObject({
      error: { code: 'login_failed' },
    });
  });

  it('keep each window or tab to its own sign-in', async () => {
    expect(await station.dispatch('session:get', undefined, { sessionKey: 'another-tab' })).toMatchObject({ data: { role: 'kiosk' } });
    await station.dispatch('session:logout', undefined, admin);
    expect(await station.dispatch('session:get', undefined, admin)).toMatchObject({ data: { role: 'kiosk', staff: null } });
    expect(auditActions()).toContain('logout');
  });
});

/** One input per call that passes its schema, so a refusal can only come from the role check. */
const validInputs: { [N in CallName]: unknown } = {
  'station:get': undefined,
  'station:setup': sampleSetup,
  'station:rename': { name: '昆明医科大学遗体捐献登记站' },
  'session:get': undefined,
  'session:login': { username: 'nobody', password: 'x' },
  'session:logout': undefined,
  'session:lock': undefined,
  'session:unlock': { pin: '0000' },
  'visitor:signIn': { partySize: 1, purpose: 'tour' },
  'visitor:list': {},
  'visitor:revealName': { id: 'none' },
  'registration:options': undefined,
  'registration:create': sampleRegistration(),
  'registration:receipt': { documentId: 'none' },
  'registration:search': { query: '李𠮷祥' },
  'registration:amend': { registrationId: 'none', expectedVersion: 1, choice: { program: 'cornea' } },
  'registration:withdraw': { registrationId: 'none', expectedVersion: 1, identity: samplePerson.document, reason: '本人要求' },
  'registration:realise': { registrationId: 'none', expectedVersion: 1, donatedOn: '2026-04-01' },
  'registration:bodyPaperwork': { registrationId: 'none', expectedVersion: 1, paperwork: samplePaperwork },
  'registration:stemCellStatus': { registrationId: 'none', expectedVersion: 1, status: 'typed' },
  'registration:followUp': { registrationId: 'none', outcome: 'no_answer' },
  'person:get': { personId: 'none' },
  'person:reveal': { personId: 'none', field: 'name' },
  'person:signature': { personId: 'none' },
  'person:amend': { personId: 'none', expectedVersion: 1, name: '李𠮷祥', phone: '13812345678' },
  'person:confirmHeldChange': { personId: 'none', heldChangeId: 'none', expectedVersion: 1 },
  'person:discardHeldChange': { personId: 'none', heldChangeId: 'none', expectedVersion: 1 },
  'refusal:record': { person: samplePerson, signature: { kind: 'paper' } },
  'refusal:revoke': { personId: 'none', reason: '本人改变意愿' },
  'documents:issue': { kind: 'receipt', subject: { type: 'registration', id: 'none' }, language: 'zh-CN' },
  'documents:handOver': { documentId: 'none', recipientName: '李建国', relation: 'child', recipientDocument: samplePerson.document, signature: SAMPLE_SIGNATURE },
  'documents:void': { documentId: 'none', reason: '污损' },
  'documents:list': {},
  'documents:pdf': { documentId: 'none' },
  'documents:verify': { payload: 'RS1.e30.AAAA' },
  'documents:publicKey': undefined,
  'staff:list': undefined,
  'staff:create': { ...registrar, username: 'someone.new' },
  'audit:list': {},
  'audit:verify': undefined,
  'memorial:kioskOptions': undefined,
  'memorial:todayCount': undefined,
  'memorial:settings': undefined,
  'memorial:setQingmingMode': { enabled: false },
  'memorial:setRetentionDays': { days: 365 },
  'messages:list': {},
  'messages:approve': { id: 'none' },
  'messages:reject': { id: 'none', reason: '含有广告' },
  'messages:wall': {},
  'nameList:search': { query: 'zxm' },
  'nameList:add': {
    publishedName: '张晓明',
    donationKind: 'body',
    engravingYear: 2025,
    wallLocation: '东区 3 排 12 号',
    consent: {
      relativeName: '张建国',
      relation: 'child',
      relativeDocument: samplePerson.document,
      signature: { kind: 'paper' },
      givenOn: '2025-03-01',
      textVersion: MEMORIAL_CONSENT_TEXT_VERSION,
    },
  },
  'nameList:list': {},
  'nameList:withdrawConsent': { entryId: 'none', reason: '家属要求' },
  'education:schedule': { title: '讲座', startsAt: '2030-05-12T09:00:00+08:00', endsAt: '2030-05-12T10:00:00+08:00', venue: '报告厅', host: '张老师', audienceKind: 'school', expectedHeadCount: 40 },
  'education:update': { sessionId: 'none', version: 1, title: '讲座', startsAt: '2030-05-12T09:00:00+08:00', endsAt: '2030-05-12T10:00:00+08:00', venue: '报告厅', host: '张老师', audienceKind: 'school', expectedHeadCount: 40 },
  'education:cancel': { sessionId: 'none', version: 1, reason: '讲师有事' },
  'education:list': {},
  'education:get': { sessionId: 'none' },
  'education:today': undefined,
  'education:checkIn': { sessionId: 'none', organisation: '第一中学', contactName: '王丽华', contactPhone: '13987654321', headCount: 30, ageBand: 'age_12_17' },
  'education:addWalkIns': { sessionId: 'none', count: 3 },
  'education:survey': { sessionId: 'none', score: 5 },
  'education:revealContact': { groupId: 'none' },
  'education:surveyComments': { sessionId: 'none' },
  'figures:get': { from: '2026-01-01', to: '2026-12-31' },
  'figures:export': { from: '2026-01-01', to: '2026-12-31', format: 'csv' },
  'figures:targets': undefined,
  'figures:setTargets': { localPopulation: null, reachTargetPercent: 1.5 },
  'person:consent': { personId: 'none', expectedVersion: 1, purpose: 'provincial_sync', granted: false, signature: { kind: 'paper' } },
  'sync:status': undefined,
  'sync:batches': undefined,
  'sync:rejections': undefined,
  'sync:export': { folder: '/nonexistent-folder' },
  'sync:send': undefined,
  'sync:cancelSend': undefined,
  'sync:importAck': { fileName: 'x.rsa', content: 'AAAA' },
  'sync:approve': { batchId: 'KMU01-B000001' },
  'sync:decline': { batchId: 'KMU01-B000001' },
  'sync:resend': { seq: 1 },
  'sync:settings': { endpoint: null, batchSize: 1000, twoPersonApproval: false },
  'sync:importProvinceKey': { use: 'signing', pem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n' },
  'backup:status': undefined,
  'backup:now': undefined,
  'backup:settings': { folder: null, keep: 7, intervalHours: 24 },
  'backup:inspect': { file: '/nonexistent-folder/KMU01-backup.rsbk' },
  'backup:restore': { file: '/nonexistent-folder/KMU01-backup.rsbk', confirm: false },
  'backup:cancelRestore': undefined,
  'backup:newRecoveryCode': undefined,
  'backup:restoreWithRecoveryCode': { file: '/nonexistent-folder/KMU01-backup.rsbk', recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' },
  'settings:get': undefined,
  'settings:kioskOptions': undefined,
  'settings:change': { section: 'staff', idleLockMinutes: 5 },
  'dashboard:get': { year: 2026 },
  'dashboard:export': { year: 2026, format: 'csv' },
  'dashboard:exportStart': { year: 2026, format: 'xlsx' },
  'dashboard:exportProgress': { jobId: 'none' },
  'dashboard:exportResult': { jobId: 'none' },
  'staff:setActive': { staffId: 'none', active: false },
  'staff:setRole': { staffId: 'none', role: 'auditor' },
  'staff:unlock': { staffId: 'none' },
  'staff:resetSecret': { staffId: 'none', secret: 'pin', newValue: '8080' },
  'session:changePassword': { current: 'not the password', next: 'a brand new passphrase' },
  'session:changePin': { current: '0000', next: '8080' },
  'idCard:poll': undefined,
  'idCard:release': {},
  'idCard:unlock': { readId: 'none', reason: '证件姓名已变更' },
  'idCard:settings': undefined,
  'idCard:configure': { kind: 'none', libraryPath: null, port: null, simulatorAddress: null },
  'idCard:test': undefined,
  'aid:apply': { familyId: 'none', applicantMemberId: 'none', cause: { programme: 'condolence' }, reason: '家庭困难', amountAskedFen: 100_000, documentsSeen: ['id_card'] },
  'aid:review': { caseId: 'none', outcome: 'approve', note: '材料齐全' },
  'aid:propose': { caseId: 'none', amountProposedFen: 100_000 },
  'aid:decide': { caseId: 'none', outcome: 'grant', amountGrantedFen: 100_000 },
  'aid:postNotice': { caseId: 'none', from: '2026-04-01', to: '2026-04-10' },
  'aid:objection': { caseId: 'none', note: '有群众反映情况不实' },
  'aid:pay': { caseId: 'none', method: 'cash', paidOn: '2026-04-04', recipientMemberId: 'none', signature: SAMPLE_SIGNATURE },
  'aid:list': {},
  'aid:get': { caseId: 'none' },
  'aid:notice': {},
  'aid:noticePdf': { language: 'zh-CN' },
  'aid:noticeXlsx': { language: 'en' },
  'aid:figures': { year: 2026 },
  'family:open': { registrationId: 'none', preferredChannel: 'phone', members: [{ name: '王芳', relationCode: '10', phone: '13812345678', consented: true }] },
  'family:get': { familyId: 'none' },
  'family:list': {},
  'family:fromRegistration': { registrationId: 'none' },
  'family:addMember': { familyId: 'none', member: { name: '王芳', relationCode: '20', phone: '13812345678', consented: true } },
  'family:updateMember': { familyId: 'none', memberId: 'none', member: { name: '王芳', relationCode: '20', phone: '13812345678', consented: true } },
  'family:setDoNotContact': { familyId: 'none', doNotContact: true, reason: '家属要求' },
  'family:consent': { familyId: 'none', memberId: 'none', purpose: 'contact', granted: true, givenOn: '2026-04-01', textVersion: FAMILY_CONSENT_TEXT_VERSION },
  'family:dueList': {},
  'family:logContact': { familyId: 'none', kind: 'phone_call', on: '2026-04-01' },
  'family:invite': { familyId: 'none', ceremony: 'qingming', year: 2026 },
  'family:inviteYearly': { ceremony: 'qingming', year: 2026 },
  'family:answerInvitation': { invitationId: 'none', answer: 'accepted' },
  'family:markAttended': { invitationId: 'none' },
  'family:reopenCeremony': { familyId: 'none', ceremony: 'qingming' },
  'family:figures': { year: 2026 },
};

describe('authorisation', () => {
  it('lets exactly the roles a call declares make it, for every call and every role', async () => {
    const staffIds: Record<string, string> = {};
    for (const role of staffRoles) {
      const created = await station.dispatch('staff:create', { ...registrar, username: `user.${role}`, role }, admin);
      staffIds[role] = (created as { data: { id: string } }).data.id;
    }
    const outcomes: string[] = [];
    for (const name of callNames) {
      for (const role of roles) {
        const caller = { sessionKey: `${name}-${role}` };
        if (role !== 'kiosk') station.services.sessions.signIn(caller.sessionKey, staffIds[role] as string, role);
        const result = await station.dispatch(name, validInputs[name], caller);
        const refusedForRole = !result.ok && ['not_signed_in', 'forbidden'].includes(result.error.code);
        const allowed = (contract[name].roles as readonly Role[]).includes(role);
        outcomes.push(`${name} ${role} ${refusedForRole ? 'refused' : 'served'}`);
        expect(refusedForRole, `${name} as ${role}`).toBe(!allowed);
        if (refusedForRole && !result.ok) expect(result.error.code).toBe(role === 'kiosk' ? 'not_signed_in' : 'forbidden');
      }
    }
    expect(outcomes).toHaveLength(callNames.length * roles.length);
  });

  it('gives the kiosk nothing back beyond what it just created', async () => {
    const kioskCalls = callNames.filter((name) => (contract[name].roles as readonly Role[]).includes('kiosk'));
    expect(kioskCalls.sort()).toEqual(
      [
        'session:get',
        'session:login',
        'session:logout',
        'station:get',
        'station:setup',
        'visitor:signIn',
        'registration:options',
        'registration:create',
        // Only the receipt of a registration just made there, once (tests/integration/receipts.test.ts).
        'registration:receipt',
        // A setting, a count and the approved (public) messages: nothing about any one visitor.
        'memorial:kioskOptions',
        'memorial:todayCount',
        'messages:wall',
        // The name list: published by the families' consent, found by a search, nothing about the families.
        'nameList:search',
        // The elder-friendly default and the idle times every public screen greets a visitor with.
        'settings:kioskOptions',
        // Today's sessions (no counts, no names), a group's check-in and a survey answer, each written, never read back.
        'education:today',
        'education:checkIn',
        'education:survey',
        // Restoring a fresh install from a backup and its recovery code; refused once the station is set up.
        'backup:restoreWithRecoveryCode',
        // The card on the reader: its holder stands at the kiosk; its fields go out once, and the kiosk can forget them.
        'idCard:poll',
        'idCard:release',
      ].sort(),
    );
    const created = await station.dispatch('visitor:signIn', { partySize: 2, purpose: 'tour', visitorName: '王小明' }, kioskCaller);
    expect(created).toMatchObject({ ok: true, data: { visitorName: '王*' } });
    // A registration made at the kiosk answers with the masked name and the new numbers, nothing stored before.
    const registered = await station.dispatch('registration:create', sampleRegistration(), kioskCaller);
    expect(registered).toMatchObject({ ok: true, data: { name: '李*' } });
    expect(Object.keys((registered as { data: object }).data).sort()).toEqual(['createdAt', 'name', 'personId', 'receipts', 'registrations']);
  });
});
