import { parseArgs } from 'node:util';
import { stationDate } from '../../../shared/domain/age';
import { yearToDate } from '../../../shared/domain/figures';
import { UsageError, type CliCommand } from '../command';
import { callStation, describeRefusal, printJson, translateRefusal, withStation } from '../command-support';

/** The option a field of the call came from, for messages the reader can act on. */
const optionOf: Record<string, string> = { site: '--site', from: '--from', to: '--to' };

/**
 * `stats [--site CODE] [--from DATE] [--to DATE]`: memorial and education figures of a site over a period,
 * as `figures:get` gives them to the staff screen. Without dates: this year so far; without a site: this
 * station's own. A bad date, or a site the station holds nothing of, is a usage error (exit 2): the reader typed it.
 */
export const statsCommand: CliCommand = {
  name: 'stats',
  usage: 'cli:commandUsage.stats',
  calls: ['figures:get'],
  async run(args, { t }) {
    const { values } = parseArgs({ args, options: { site: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } }, strict: true });
    const today = stationDate(new Date());
    const period = yearToDate(today);
    const input = {
      ...(values.site === undefined ? {} : { site: values.site }),
      from: values.from ?? period.from,
      to: values.to ?? (values.from === undefined ? period.to : today),
    };
    return withStation(async (station) => {
      const result = await callStation(station, 'figures:get', input);
      if (result.ok) {
        printJson(result.data);
        return 0;
      }
      const refusal = translateRefusal(t, result.error);
      if (refusal.code === 'validation_failed' && refusal.issues.length > 0) {
        const fields = refusal.issues.map((issue) => t('cli:field', { path: optionOf[issue.path] ?? issue.path, reason: issue.message }));
        throw new UsageError([t('cli:statsBadInput'), ...fields].join('\n'));
      }
      process.stderr.write(describeRefusal(t, refusal) + '\n');
      return 1;
    });
  },
};
