import { parseArgs } from 'node:util';
import { idCardReaderKinds, type IdCardReaderKind } from '../../../shared/domain/id-card';
import { UsageError, type CliCommand } from '../command';
import { callStation, printJson, reportRefusal, withStation } from '../command-support';

/** The option each field of the reader settings came from. */
const optionOf: Record<string, string> = { kind: '--kind', libraryPath: '--library', port: '--port', simulatorAddress: '--simulator' };

function isReaderKind(value: string): value is IdCardReaderKind {
  return (idCardReaderKinds as readonly string[]).includes(value);
}

/**
 * `id-card-reader [--kind none|sdtapi|termb|simulated] [--library PATH] [--port N | --any-port] [--simulator ADDRESS] [--test]`:
 * shows the ID-card reader settings, or changes them as the administrator's settings do (same checks, one
 * audit entry when something changed); `--test` then tries the reader once and prints what it found.
 */
export const idCardReaderCommand: CliCommand = {
  name: 'id-card-reader',
  usage: 'cli:commandUsage.idCardReader',
  calls: ['idCard:settings', 'idCard:configure', 'idCard:test'],
  async run(args, { t }) {
    const { values } = parseArgs({
      args,
      options: {
        kind: { type: 'string' },
        library: { type: 'string' },
        port: { type: 'string' },
        'any-port': { type: 'boolean' },
        simulator: { type: 'string' },
        test: { type: 'boolean' },
      },
      strict: true,
    });
    if (values.kind !== undefined && !isReaderKind(values.kind)) throw new UsageError(t('cli:idCardBadKind', { kind: values.kind, kinds: idCardReaderKinds.join(', ') }));
    if (values.port !== undefined && (values['any-port'] || !/^\d+$/.test(values.port))) throw new UsageError(t('cli:idCardPortOrAny'));
    return withStation(async (station) => {
      const current = await callStation(station, 'idCard:settings', undefined);
      if (!current.ok) return reportRefusal(t, current.error);
      const changing = values.kind !== undefined || values.library !== undefined || values.port !== undefined || values['any-port'] || values.simulator !== undefined;
      let settings = current.data;
      if (changing) {
        const changed = await callStation(station, 'idCard:configure', {
          kind: values.kind ?? settings.kind,
          libraryPath: values.library ?? settings.libraryPath,
          port: values['any-port'] ? null : values.port !== undefined ? Number(values.port) : settings.port,
          simulatorAddress: values.simulator ?? settings.simulatorAddress,
        });
        if (!changed.ok) return reportRefusal(t, changed.error, { fieldName: (path) => optionOf[path] ?? path });
        settings = changed.data;
      }
      if (!values.test) {
        printJson(settings);
        return 0;
      }
      const tried = await callStation(station, 'idCard:test', undefined);
      if (!tried.ok) return reportRefusal(t, tried.error);
      printJson({ settings, test: tried.data });
      return tried.data.state === 'no_reader' ? 1 : 0;
    });
  },
};
