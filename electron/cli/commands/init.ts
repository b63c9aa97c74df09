import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { callStation, describeRefusal, printJson, translateRefusal, withStation } from '../command-support';

/** `init`: the station's first administrator; name on the command line, secrets from the environment (never argv, which `ps` shows). */
export const initCommand: CliCommand = {
  name: 'init',
  usage: 'cli:commandUsage.init',
  calls: ['station:setup'],
  async run(args, { t }) {
    const { values } = parseArgs({
      args,
      options: {
        code: { type: 'string' },
        name: { type: 'string' },
        kind: { type: 'string' },
        region: { type: 'string' },
        admin: { type: 'string' },
        'admin-name': { type: 'string' },
      },
      strict: true,
    });
    return withStation(async (station) => {
      const result = await callStation(station, 'station:setup', {
        code: values.code,
        name: values.name,
        kind: values.kind,
        regionCode: values.region,
        admin: {
          username: values.admin,
          displayName: values['admin-name'],
          password: process.env.RELAY_ADMIN_PASSWORD,
          pin: process.env.RELAY_ADMIN_PIN,
        },
      });
      if (!result.ok) {
        process.stderr.write(describeRefusal(t, translateRefusal(t, result.error)) + '\n');
        return 1;
      }
      printJson(result.data);
      return 0;
    });
  },
};
