import type { Executor } from '../db/repositories/executor';

/** Raised when a database belongs to another province than the one a command names. */
export class ProvinceMismatchError extends Error {
  constructor(
    readonly recordedProvince: string,
    readonly givenProvince: string,
  ) {
    super(`this hub database belongs to province ${recordedProvince}, not ${givenProvince}`);
    this.name = 'ProvinceMismatchError';
  }
}

/** Raised when a database records no province and the command names none: `hub init` comes first. */
export class HubNotInitialisedError extends Error {
  constructor() {
    super('this hub database records no province: run `hub init --province CODE` first, or name --province');
    this.name = 'HubNotInitialisedError';
  }
}

/** The province the database records, or null before `hub init`. */
export async function recordedProvince(db: Executor): Promise<string | null> {
  const row = await db.selectFrom('hub_identity').select('province_code').where('singleton', '=', 1).executeTakeFirst();
  return row?.province_code ?? null;
}

/**
 * Records the database's province, once, by constraint: a second `hub init` for the same province changes
 * nothing (`recorded: false`), one for another province is refused with ProvinceMismatchError.
 */
export async function recordProvince(db: Executor, provinceCode: string, at: string): Promise<{ recorded: boolean }> {
  const inserted = await db
    .insertInto('hub_identity')
    .values({ singleton: 1, province_code: provinceCode, initialised_at: at })
    .onConflict((conflict) => conflict.column('singleton').doNothing())
    .returning('province_code')
    .executeTakeFirst();
  if (inserted) return { recorded: true };
  const held = await recordedProvince(db);
  if (held !== provinceCode) throw new ProvinceMismatchError(held ?? '?', provinceCode);
  return { recorded: false };
}

/**
 * The province a command works for: the one the database records, which a `--province` given as well must
 * equal. A database from before `hub init` has none, and then the command must name it.
 */
export async function provinceOfDatabase(db: Executor, given?: string): Promise<string> {
  const held = await recordedProvince(db);
  if (held === null) {
    if (given === undefined) throw new HubNotInitialisedError();
    return given;
  }
  if (given !== undefined && given !== held) throw new ProvinceMismatchError(held, given);
  return held;
}
