import { describe, expect, it } from 'vitest';
import { callNames, contract, isCallName } from '../../shared/contract/calls';
import { toFieldIssues } from '../../shared/contract/issues';

describe('the contract', () => {
  it('lists each call once, by name', () => {
    expect(callNames).toEqual([
      'station:get',
      'station:setup',
      'station:rename',
      'session:get',
      'session:login',
      'session:logout',
      'session:lock',
      'session:unlock',
      'visitor:signIn',
      'visitor:list',
      'visitor:revealName',
      'registration:options',
      'registration:create',
      'registration:receipt',
      'registration:search',
      'registration:amend',
      'registration:withdraw',
      'registration:realise',
      'registration:bodyPaperwork',
      'registration:stemCellStatus',
      'registration:followUp',
      'person:get',
      'person:reveal',
      'person:signature',
      'person:amend',
      'person:confirmHeldChange',
      'person:discardHeldChange',
      'refusal:record',
      'refusal:revoke',
      'documents:issue',
      'documents:handOver',
      'documents:void',
      'documents:list',
      'documents:pdf',
      'documents:verify',
      'documents:publicKey',
      'staff:list',
      'staff:create',
      'audit:list',
      'audit:verify',
      'memorial:kioskOptions',
      'memorial:todayCount',
      'memorial:settings',
      'memorial:setQingmingMode',
      'memorial:setRetentionDays',
      'messages:list',
      'messages:approve',
      'messages:reject',
      'messages:wall',
      'nameList:search',
      'nameList:add',
      'nameList:list',
      'nameList:withdrawConsent',
      'education:schedule',
      'education:update',
      'education:cancel',
      'education:list',
      'education:get',
      'education:today',
      'education:checkIn',
      'education:addWalkIns',
      'education:survey',
      'education:revealContact',
      'education:surveyComments',
      'figures:get',
      'figures:export',
      'figures:targets',
      'figures:setTargets',
      'person:consent',
      'sync:status',
      'sync:batches',
      'sync:rejections',
      'sync:export',
      'sync:send',
      'sync:cancelSend',
      'sync:importAck',
      'sync:approve',
      'sync:decline',
      'sync:resend',
      'sync:settings',
      'sync:importProvinceKey',
      'backup:status',
      'backup:now',
      'backup:settings',
      'backup:inspect',
      'backup:restore',
      'backup:cancelRestore',
      'backup:newRecoveryCode',
      'backup:restoreWithRecoveryCode',
      'settings:get',
      'settings:change',
      'dashboard:get',
      'dashboard:export',
      'dashboard:exportStart',
      'dashboard:exportProgress',
      'dashboard:exportResult',
      'staff:setActive',
      'staff:setRole',
      'staff:unlock',
      'staff:resetSecret',
      'session:changePassword',
      'session:changePin',
    ]);
    expect(isCallName('visitor:signIn')).toBe(true);
    expect(isCallName('toString')).toBe(false);
    expect(isCallName('visitor:delete')).toBe(false);
  });

  it('normalises station setup input', () => {
    const parsed = contract['station:setup'].input.parse({
      code: ' ｋｍｕ０１ ',
      name: '  昆明医科大学   遗体捐献登记站 ',
      kind: 'university_station',
      regionCode: '5301',
      admin: { username: ' Admin.Li ', displayName: '李・明', password: 'correct horse battery', pin: '２４６８' },
    });
    expect(parsed).toEqual({
      code: 'KMU01',
      name: '昆明医科大学 遗体捐献登记站',
      kind: 'university_station',
      regionCode: '5301',
      admin: { username: 'admin.li', displayName: '李·明', password: 'correct horse battery', pin: '2468' },
    });
  });

  it('reports translatable reasons for bad station setup input', () => {
    const admin = { username: 'ok.user', displayName: '李明', password: 'correct horse battery', pin: '2468' };
    const result = contract['station:setup'].input.safeParse({ code: 'KM-1', name: '', kind: 'hospital', regionCode: '99', admin });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toFieldIssues(result.error)).toEqual([
      { path: 'code', reason: 'station_code_format' },
      { path: 'name', reason: 'station_name_length' },
      { path: 'kind', reason: 'station_kind' },
      { path: 'regionCode', reason: 'region_unknown' },
    ]);
  });

  it('turns a blank optional name into null and rejects a bad party size', () => {
    const ok = contract['visitor:signIn'].input.parse({ partySize: 2, purpose: 'qingming', visitorName: '  ' });
    expect(ok).toEqual({ partySize: 2, purpose: 'qingming', visitorName: null, relation: null, groupName: null, message: null });
    for (const partySize of [0, 501, 2.5, Number.NaN, '3']) {
      const result = contract['visitor:signIn'].input.safeParse({ partySize, purpose: 'tour' });
      expect(result.success).toBe(false);
      if (!result.success) expect(toFieldIssues(result.error)).toEqual([{ path: 'partySize', reason: 'party_size_range' }]);
    }
  });

  it('reports a missing field as required, and unknown issue messages as invalid', () => {
    const missing = contract['station:setup'].input.safeParse({});
    expect(missing.success).toBe(false);
    if (!missing.success) {
      expect(toFieldIssues(missing.error)).toEqual([
        { path: 'code', reason: 'required' },
        { path: 'name', reason: 'required' },
        { path: 'kind', reason: 'station_kind' },
        { path: 'regionCode', reason: 'required' },
        { path: 'admin', reason: 'required' },
      ]);
    }
    const limit = contract['visitor:list'].input.safeParse({ limit: 1000 });
    expect(limit.success).toBe(false);
    if (!limit.success) expect(toFieldIssues(limit.error)).toEqual([{ path: 'limit', reason: 'invalid' }]);
  });

  it('declares the roles of every call, and keeps staff-only calls away from the kiosk', () => {
    for (const name of callNames) expect(contract[name].roles.length, name).toBeGreaterThan(0);
    expect(contract['visitor:list'].roles).not.toContain('kiosk');
    expect(contract['audit:list'].roles).toEqual(['auditor', 'admin']);
    expect(contract['staff:create'].roles).toEqual(['admin']);
    const whileLocked = callNames.filter((name) => contract[name].whileLocked);
    expect(whileLocked).toEqual(['session:get', 'session:logout', 'session:lock', 'session:unlock']);
    const duringSecretChange = callNames.filter((name) => contract[name].duringSecretChange);
    expect(duringSecretChange).toEqual([
      'station:get',
      'session:get',
      'session:logout',
      'session:lock',
      'session:unlock',
      'session:changePassword',
      'session:changePin',
    ]);
    for (const name of ['staff:setActive', 'staff:setRole', 'staff:unlock', 'staff:resetSecret'] as const) expect(contract[name].roles).toEqual(['admin']);
  });

  it('checks usernames, passwords and PINs of staff accounts', () => {
    const input = contract['staff:create'].input;
    const base = { username: 'li.ming', displayName: '李明', role: 'registrar', password: 'ten chars!', pin: '1234' };
    expect(input.safeParse(base).success).toBe(true);
    const reasons = (value: object) => {
      const result = input.safeParse({ ...base, ...value });
      return result.success ? [] : toFieldIssues(result.error).map((issue) => issue.reason);
    };
    expect(reasons({ username: 'li' })).toEqual(['username_format']);
    expect(reasons({ username: '.li.ming' })).toEqual(['username_format']);
    expect(reasons({ password: 'nine char' })).toEqual(['password_too_short']);
    expect(reasons({ password: ' '.repeat(12) })).toEqual(['password_too_short']);
    expect(reasons({ password: '   nine char   ' })).toEqual(['password_too_short']);
    expect(reasons({ password: '密'.repeat(129) })).toEqual(['password_too_long']);
    expect(reasons({ pin: '123' })).toEqual(['pin_format']);
    expect(reasons({ pin: '12a4' })).toEqual(['pin_format']);
    expect(reasons({ role: 'kiosk' })).toEqual(['staff_role']);
  });

  it('strips fields the output schema does not declare', () => {
    const output = contract['visitor:signIn'].output.parse({
      id: 'a',
      visitedAt: '2026-11-22T10:00:00.000Z',
      partySize: 1,
      purpose: 'tour',
      visitorName: null,
      messageState: null,
      station_code: 'KMU01',
    });
    expect(output).not.toHaveProperty('station_code');
  });
});
