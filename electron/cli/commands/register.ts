import { parseArgs } from 'node:util';
import { UsageError, type CliCommand } from '../command';
import { withStation } from '../command-support';
import { readJsonFile, registerDocument } from '../register';

/** `register --json FILE`: one registration; one JSON line, the result or the translated refusal; exits 1 on a refusal. */
export const registerCommand: CliCommand = {
  name: 'register',
  usage: 'cli:commandUsage.register',
  calls: ['registration:create'],
  async run(args, { t }) {
    const { values } = parseArgs({ args, options: { json: { type: 'string' } }, strict: true });
    if (values.json === undefined || values.json.trim() === '') throw new UsageError(t('cli:registerNeedsFile'));
    const file = readJsonFile(values.json, t);
    if (!file.ok) throw new UsageError(file.message);
    const document = file.document;
    return withStation(async (station) => {
      const result = await registerDocument(station, document, t);
      process.stdout.write(JSON.stringify(result) + '\n');
      return result.ok ? 0 : 1;
    });
  },
};
