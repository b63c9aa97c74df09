import type { CliCommand } from '../command';
import { printJson, SYSTEM_ACTOR, withStation } from '../command-support';

/** `rotate-key`: re-encrypts every sealed value under a new data key; run it again to finish one that was cut short. */
export const rotateKeyCommand: CliCommand = {
  name: 'rotate-key',
  usage: 'cli:commandUsage.rotateKey',
  direct: 'replaces the data key of the data folder at the machine; no screen does it',
  run: () =>
    withStation(async (station) => {
      const resealed = await station.services.protection.rotate();
      const stationCode = (await station.services.station.get())?.code ?? '';
      await station.services.audit.record({ actor: SYSTEM_ACTOR, stationCode, action: 'key_rotation', detail: { resealed } });
      printJson({ resealed, currentKeyId: station.services.protection.cipher.currentKeyId });
      return 0;
    }),
};
