import { parseArgs } from 'node:util';
import { documentKinds, isDocumentKind } from '../../../shared/validation/identity-document';
import { UsageError, type CliCommand } from '../command';
import { reportDocument } from '../validate-id';

/** `validate-id [--kind KIND] NUMBER...`: one JSON line per value; exits 0 once every value was processed, valid or not. */
export const validateIdCommand: CliCommand = {
  name: 'validate-id',
  usage: 'cli:commandUsage.validateId',
  direct: 'checks numbers with the shared rules alone; no station is opened',
  async run(args, { t }) {
    const { values, positionals } = parseArgs({ args, options: { kind: { type: 'string' } }, allowPositionals: true, strict: true });
    if (values.kind !== undefined && !isDocumentKind(values.kind)) {
      throw new UsageError(t('cli:unknownKindOption', { kind: values.kind, kinds: documentKinds.join(', ') }));
    }
    if (positionals.length === 0) throw new UsageError(t('cli:validateIdNeedsValue'));
    for (const value of positionals) {
      process.stdout.write(JSON.stringify(reportDocument(value, t, values.kind)) + '\n');
    }
    return 0;
  },
};
