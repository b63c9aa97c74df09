import { openHubDatabase, type HubDatabaseOptions, type HubStore } from '../db/open';
import { InvalidPeriodError } from '../figures/period';
import { provinceOfDatabase } from '../operations/province-identity';
import { UsageError } from './usage';

/**
 * Runs `read` on the hub's database and the province `hub init` recorded (a --province given as well must match
 * it), then closes the database. A period the figures refuse is a usage error (exit 2), as a bad option is.
 */
export async function readFiguresOf<T>(database: HubDatabaseOptions, givenProvince: string | undefined, read: (hub: HubStore, provinceCode: string) => Promise<T>): Promise<T> {
  const hub = await openHubDatabase(database);
  try {
    return await read(hub, await provinceOfDatabase(hub.db, givenProvince));
  } catch (error) {
    if (error instanceof InvalidPeriodError) throw new UsageError(error.message);
    throw error;
  } finally {
    await hub.close();
  }
}
