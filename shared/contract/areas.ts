import type { call } from './call';

/**
 * The call-name prefixes of each area. A call's prefix names its area, and the area names its two files:
 * the contract in `shared/contract/<area>-calls.ts` and the handlers in `electron/ipc/<area>-handlers.ts`
 * (`person:consent` → person-calls.ts and person-handlers.ts). Each prefix belongs to one area only.
 */
export const areaPrefixes = {
  station: ['station', 'session'],
  staff: ['staff'],
  registration: ['registration'],
  person: ['person', 'refusal'],
  documents: ['documents'],
  audit: ['audit'],
  memorial: ['memorial', 'messages', 'visitor'],
  'name-list': ['nameList'],
  education: ['education'],
  figures: ['figures'],
  sync: ['sync'],
  backup: ['backup'],
  settings: ['settings'],
  dashboard: ['dashboard'],
  'id-card': ['idCard'],
  aid: ['aid'],
  family: ['family'],
} as const satisfies Record<string, readonly string[]>;

export type AreaName = keyof typeof areaPrefixes;

/**
 * The third file of an area: the folder of `electron/services/` that holds its rules. Station and staff
 * share one folder, as do registration and person (a person's record and their registrations change
 * together); the audit trail is part of the kernel every area writes through.
 */
export const areaServiceFolders = {
  station: 'station',
  staff: 'station',
  registration: 'registration',
  person: 'registration',
  documents: 'documents',
  audit: 'kernel',
  memorial: 'memorial',
  'name-list': 'name-list',
  education: 'education',
  figures: 'figures',
  sync: 'sync',
  backup: 'backup',
  settings: 'settings',
  dashboard: 'dashboard',
  'id-card': 'id-card',
  aid: 'aid',
  family: 'family',
} as const satisfies Record<AreaName, string>;

type CallSpec = ReturnType<typeof call>;
/** One area's calls by name, as its `<area>-calls.ts` declares them. */
export type AreaCalls = Readonly<Record<string, CallSpec>>;

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;
/** All areas' calls in one map, typed name by name. */
export type AssembledCalls<Areas extends Record<string, AreaCalls>> = {
  [Name in keyof UnionToIntersection<Areas[keyof Areas]>]: UnionToIntersection<Areas[keyof Areas]>[Name];
};

/**
 * Joins the areas' calls into one contract. A name declared in two areas would otherwise be overwritten
 * without a word (the later area's roles winning), so it stops the station from starting instead.
 */
export function assembleCalls<Areas extends Record<string, AreaCalls>>(areas: Areas): AssembledCalls<Areas> {
  const declaredIn = new Map<string, string>();
  const entries: Array<[string, CallSpec]> = [];
  for (const [area, calls] of Object.entries(areas)) {
    for (const [name, spec] of Object.entries(calls)) {
      const earlier = declaredIn.get(name);
      if (earlier !== undefined) throw new Error(`call ${name} is declared twice: in the ${earlier} and the ${area} area`);
      declaredIn.set(name, area);
      entries.push([name, spec]);
    }
  }
  return Object.fromEntries(entries) as AssembledCalls<Areas>;
}
