import {
  sectionItems,
  settingsRegistry,
  type SectionRule,
  type SettingsSectionName,
  type SettingsSections,
} from '../../../shared/domain/settings-registry';
import type { FieldIssue } from '../../../shared/contract/errors';
import { writeSetting } from '../../db/repositories/settings';
import type { Actor } from './audit';
import type { StationContext } from './context';
import { AppError } from './errors';

/** What a settings change needs: the database, the clock, the station, the settings (whose cache it drops) and the audit trail. */
export type SettingsChangeContext = Pick<StationContext, 'db' | 'clock' | 'station' | 'settings' | 'audit'>;

/** What one change did to each item that changed: the value before and after (none of them is personal). */
export type ChangedItems = Record<string, { from: unknown; to: unknown }>;

/** What a caller adds to a change of its section: a rule of its own, such as who may change an item. */
export interface SettingsChangeOptions<S extends SettingsSectionName> {
  /** Refuses the change by throwing, judged on the section's values before and after, inside the change's transaction. */
  check?(before: SettingsSections[S], after: SettingsSections[S]): void;
}

/** The given items the registry refuses (wrong kind, out of bounds), each named by its item. */
function refusedItems<S extends SettingsSectionName>(section: S, values: Partial<SettingsSections[S]>): FieldIssue[] {
  return sectionItems(section)
    .filter(([name, item]) => values[name] !== undefined && !item.accepts(values[name]))
    .map(([name]) => ({ path: name, reason: 'invalid' }));
}

/** Refuses values that break the section's rule across items (an age range upside down, say). */
function refuseBrokenRule<S extends SettingsSectionName>(section: S, after: SettingsSections[S]): void {
  const rule = settingsRegistry[section].rule as SectionRule<SettingsSections[S]> | undefined;
  if (rule === undefined || rule.holds(after)) return;
  throw new AppError('validation_failed', undefined, [{ path: rule.items[rule.items.length - 1] ?? section, reason: rule.reason }]);
}

/**
 * The one way a station setting changes: the given items of `section` (the others stay as stored) are
 * checked against the settings registry, the ones that differ from what is stored are written, and one
 * `settings_change` audit entry names every changed item with its value before and after, all in one
 * transaction. Nothing changed: nothing written, nothing audited. Answers the section as now stored.
 */
export async function changeSettings<S extends SettingsSectionName>(
  ctx: SettingsChangeContext,
  section: S,
  values: Partial<SettingsSections[S]>,
  actor: Actor,
  options: SettingsChangeOptions<S> = {},
): Promise<SettingsSections[S]> {
  const refused = refusedItems(section, values);
  if (refused.length > 0) throw new AppError('validation_failed', undefined, refused);
  const station = await ctx.station.require();
  const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<SettingsSections[S]>;
  const stored = await ctx.db.transaction().execute(async (trx) => {
    const before = await ctx.settings.read(section, trx);
    const after = { ...before, ...given };
    refuseBrokenRule(section, after);
    options.check?.(before, after);
    const at = ctx.clock.now().toISOString();
    const changes: ChangedItems = {};
    for (const [name, item] of sectionItems(section)) {
      if (given[name] === undefined) continue;
      const text = item.serialise(given[name]);
      if (text === item.serialise(before[name])) continue;
      await writeSetting(trx, item.key, text, at);
      changes[name] = { from: before[name], to: item.parse(text) };
    }
    if (Object.keys(changes).length > 0) {
      await ctx.audit.append(trx, {
        actor,
        stationCode: station.code,
        action: 'settings_change',
        objectType: 'station_setting',
        objectId: section,
        detail: { section, changes },
      });
    }
    return ctx.settings.read(section, trx);
  });
  // After the commit: a read before it would cache the value being replaced.
  ctx.settings.forgetCached();
  return stored;
}
