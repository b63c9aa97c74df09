import { parseArgs } from 'node:util';
import { MAX_LOCAL_POPULATION } from '../../shared/domain/figures';
import { setPrefecturePopulation } from '../activity/populations';
import { openHubDatabase } from '../db/open';
import { provinceOfDatabase } from '../operations/province-identity';
import { databaseOption, printLine, provinceOption, UsageError } from './usage';

const WHOLE_NUMBER = /^\d+$/;

/**
 * `hub population set --prefecture CODE --population N --year YYYY`: a prefecture's population for a year, that
 * the yearly life-education reach target is a share of. Setting a year again replaces its figure.
 */
export async function populationCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'set') throw new UsageError(`unknown population command: ${verb ?? '(none)'}`);
  const { values } = parseArgs({
    args: rest,
    options: {
      prefecture: { type: 'string' },
      population: { type: 'string' },
      year: { type: 'string' },
      db: { type: 'string' },
      postgres: { type: 'string' },
      province: { type: 'string' },
    },
  });
  const givenProvince = values.province === undefined ? undefined : provinceOption(values.province);
  const prefectureCode = values.prefecture;
  if (prefectureCode === undefined || !/^\d{4}$/.test(prefectureCode)) throw new UsageError('--prefecture wants the four digits (GB/T 2260) of a prefecture');
  const population = values.population !== undefined && WHOLE_NUMBER.test(values.population) ? Number(values.population) : NaN;
  if (!(population >= 1 && population <= MAX_LOCAL_POPULATION)) throw new UsageError(`--population wants a whole number from 1 to ${MAX_LOCAL_POPULATION}`);
  const year = values.year !== undefined && /^\d{4}$/.test(values.year) ? Number(values.year) : NaN;
  if (!(year >= 2000 && year <= 2100)) throw new UsageError('--year wants the year the population is for, 2000 to 2100');
  const database = databaseOption(values);

  const hub = await openHubDatabase(database);
  try {
    const provinceCode = await provinceOfDatabase(hub.db, givenProvince);
    if (!prefectureCode.startsWith(provinceCode)) throw new UsageError(`--prefecture wants the four digits (GB/T 2260) of a prefecture of province ${provinceCode}`);
    const setAt = new Date().toISOString();
    await setPrefecturePopulation(hub.db, { provinceCode, prefectureCode, population, year, setAt });
    printLine({ province: provinceCode, prefecture: prefectureCode, population, year, setAt });
    return 0;
  } finally {
    await hub.close();
  }
}
