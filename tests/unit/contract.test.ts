import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHandlers } from '../../electron/ipc/handlers';
import type { StationServices } from '../../electron/services/index';
import { areaPrefixes, areaServiceFolders, assembleCalls, type AreaName } from '../../shared/contract/areas';
import { anyone, call } from '../../shared/contract/call';
import { callNameList } from '../../shared/contract/call-names';
import { callNames, contract, contractAreas, isCallName } from '../../shared/contract/calls';
import { toFieldIssues } from '../../shared/contract/issues';

const areas = Object.keys(areaPrefixes) as AreaName[];

function sizesAddUp(parts: Record<string, object>, whole: object): boolean {
  const sum = Object.values(parts).reduce((total, calls) => total + Object.keys(calls).length, 0);
  return sum === Object.keys(whole).length;
}

// The handler factories only pick services out when they are built; no handler runs here, so any value will do.
const unusedServices: StationServices = new Proxy({}, { get: () => unusedServices }) as StationServices;

const ipcFolder = join(import.meta.dirname, '..', '..', 'electron', 'ipc');
const servicesFolder = join(import.meta.dirname, '..', '..', 'electron', 'services');

describe('the contract', () => {
  it('is its areas added up, each call declared once', () => {
    expect(sizesAddUp(contractAreas, contract)).toBe(true);
    expect(callNames).toHaveLength(new Set(callNames).size);
    expect(isCallName('visitor:signIn')).toBe(true);
    expect(isCallName('toString')).toBe(false);
    expect(isCallName('visitor:delete')).toBe(false);
  });

  it('refuses to start with a name declared in two areas, which a plain spread would drop without a word', () => {
    const twice = call(z.undefined(), z.undefined(), ['admin']);
    const withDuplicate = { ...contractAreas, memorial: { ...contractAreas.memorial, 'station:get': twice } };
    expect(() => assembleCalls(withDuplicate)).toThrow('call station:get is declared twice: in the station and the memorial area');
    const spread = Object.assign({}, ...Object.values(withDuplicate)) as object;
    expect(sizesAddUp(withDuplicate, spread)).toBe(false);
    expect(() => assembleCalls({ a: { 'x:y': call(z.undefined(), z.undefined(), anyone) }, b: { 'x:y': twice } })).toThrow('declared twice');
  });

  it('declares each call in the area its prefix names, and each prefix in one area only', () => {
    for (const area of areas) {
      for (const name of Object.keys(contractAreas[area])) {
        expect(areaPrefixes[area] as readonly string[], `${name} in ${area}-calls.ts`).toContain(name.slice(0, name.indexOf(':')));
      }
    }
    const prefixes = Object.values(areaPrefixes).flat();
    expect(prefixes).toHaveLength(new Set(prefixes).size);
  });

  it('has, for each area, a contract file and a handler file named after it, the handlers covering exactly its calls', async () => {
    for (const area of areas) {
      const declared = (await import(`../../shared/contract/${area}-calls.ts`)) as Record<string, unknown>;
      expect(Object.values(declared), `${area}-calls.ts`).toContain(contractAreas[area]);
      const handlerFile = (await import(`../../electron/ipc/${area}-handlers.ts`)) as Record<string, unknown>;
      const factories = Object.values(handlerFile).filter((value) => typeof value === 'function') as Array<(services: StationServices) => object>;
      expect(factories, `${area}-handlers.ts`).toHaveLength(1);
      const handled = Object.keys((factories[0] as (services: StationServices) => object)(unusedServices));
      expect(handled.sort(), `${area}-handlers.ts`).toEqual(Object.keys(contractAreas[area]).sort());
    }
    expect(Object.keys(createHandlers(unusedServices)).sort()).toEqual([...callNames].sort());
  });

  it('names, for each area, the services folder of its rules, and every services folder serves an area', () => {
    const folders = readdirSync(servicesFolder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    for (const area of areas) expect(folders, `${area} → electron/services/${areaServiceFolders[area]}/`).toContain(areaServiceFolders[area]);
    expect([...new Set(Object.values(areaServiceFolders))].sort()).toEqual(folders.sort());
  });

  it('keeps the area handler files out of an import cycle with the assembly', () => {
    const areaFiles = readdirSync(ipcFolder).filter((file) => file.endsWith('-handlers.ts'));
    expect(areaFiles.sort()).toEqual(areas.map((area) => `${area}-handlers.ts`).sort());
    for (const file of areaFiles) expect(readFileSync(join(ipcFolder, file), 'utf8'), file).not.toMatch(/from '\.\/handlers'/);
  });

  it("names every call, and nothing else, in the preload's light list", () => {
    expect([...callNameList].sort()).toEqual([...callNames].sort());
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
    expect(ok).toEqual({ partySize: 2, purpose: 'qingming', visitorName: null, relation: null, groupName: null, message: null, invitationCode: null });
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
