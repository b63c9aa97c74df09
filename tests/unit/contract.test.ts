import { describe, expect, it } from 'vitest';
import { callNames, contract, isCallName } from '../../shared/contract/calls';
import { toFieldIssues } from '../../shared/contract/issues';

describe('the contract', () => {
  it('lists each call once, by name', () => {
    expect(callNames).toEqual(['station:get', 'station:setup', 'visitor:signIn', 'visitor:list']);
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
    });
    expect(parsed).toEqual({ code: 'KMU01', name: '昆明医科大学 遗体捐献登记站', kind: 'university_station', regionCode: '5301' });
  });

  it('reports translatable reasons for bad station setup input', () => {
    const result = contract['station:setup'].input.safeParse({ code: 'KM-1', name: '', kind: 'hospital', regionCode: '99' });
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
    expect(ok).toEqual({ partySize: 2, purpose: 'qingming', visitorName: null });
    for (const partySize of [0, 501, 2.5, Number.NaN, '3']) {
      const result = contract['visitor:signIn'].input.safeParse({ partySize, purpose: 'tour' });
      expect(result.success).toBe(false);
      if (!result.success) expect(toFieldIssues(result.error)).toEqual([{ path: 'partySize', reason: 'party_size_range' }]);
    }
  });

  it('reports a missing field as required, and unknown issue messages as invalid', () => {
    const missing = contract['station:setup'].input.safeParse({});
    expect(missing.success).toBe(false);
    if (!missing.success) expect(toFieldIssues(missing.error).map((issue) => issue.reason)).toEqual(['required', 'required', 'station_kind', 'required']);
    const limit = contract['visitor:list'].input.safeParse({ limit: 1000 });
    expect(limit.success).toBe(false);
    if (!limit.success) expect(toFieldIssues(limit.error)).toEqual([{ path: 'limit', reason: 'invalid' }]);
  });

  it('strips fields the output schema does not declare', () => {
    const output = contract['visitor:signIn'].output.parse({
      id: 'a',
      visitedAt: '2026-11-22T10:00:00.000Z',
      partySize: 1,
      purpose: 'tour',
      visitorName: null,
      station_code: 'KMU01',
    });
    expect(output).not.toHaveProperty('station_code');
  });
});
