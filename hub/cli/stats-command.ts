import { parseArgs } from 'node:util';
import { provinceFigures } from '../figures/province-figures';
import { readFiguresOf } from './figures-reading';
import { databaseOption, printLine, provinceOption, UsageError } from './usage';

/**
 * `hub stats --from DAY --to DAY`: the province's figures over the period (days in China Standard Time, both
 * included), read from the stores, as one JSON line.
 */
export async function statsCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, to: { type: 'string' }, db: { type: 'string' }, postgres: { type: 'string' }, province: { type: 'string' } },
  });
  if (values.from === undefined || values.to === undefined) throw new UsageError('--from and --to are required (YYYY-MM-DD)');
  const database = databaseOption(values);
  const givenProvince = values.province === undefined ? undefined : provinceOption(values.province);
  const period = { from: values.from, to: values.to };
  const figures = await readFiguresOf(database, givenProvince, (hub, provinceCode) => provinceFigures(hub, provinceCode, period));
  printLine({ ...figures });
  return 0;
}
