import { UsageError, type CliCommand } from '../command';
import { callStation, printLine, reportRefusal, translateRefusal, withStation } from '../command-support';

/**
 * `verify-document PAYLOAD...`: checks scanned QR payloads against this station's key and records, one JSON
 * line each; exits 0 when every one is genuine, 1 otherwise (forged, voided, unknown, or refused as input),
 * so a script can act on it.
 */
export const verifyDocumentCommand: CliCommand = {
  name: 'verify-document',
  usage: 'cli:commandUsage.verifyDocument',
  calls: ['documents:verify'],
  async run(payloads, { t }) {
    if (payloads.length === 0) throw new UsageError(t('cli:verifyDocumentMissing'));
    return withStation(async (station) => {
      let allGenuine = true;
      for (const payload of payloads) {
        const result = await callStation(station, 'documents:verify', { payload });
        if (result.ok) {
          printLine({ payload, ...result.data, message: t(`cli:verification.${result.data.result}`) });
          allGenuine &&= result.data.result === 'genuine';
        } else {
          printLine({ payload, ok: false, error: translateRefusal(t, result.error) });
          allGenuine = false;
        }
      }
      return allGenuine ? 0 : 1;
    });
  },
};

/** `export-public-key`: the station's public key as PEM on stdout, for the province; audited like every export. */
export const exportPublicKeyCommand: CliCommand = {
  name: 'export-public-key',
  usage: 'cli:commandUsage.exportPublicKey',
  calls: ['documents:publicKey'],
  run: (_args, { t }) =>
    withStation(async (station) => {
      const result = await callStation(station, 'documents:publicKey', undefined);
      if (!result.ok) return reportRefusal(t, result.error);
      const { publicKey } = result.data;
      process.stdout.write(publicKey.endsWith('\n') ? publicKey : `${publicKey}\n`);
      return 0;
    }),
};
