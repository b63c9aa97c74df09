import type { CliCommand } from '../command';
import { callStation, printJson, reportRefusal, withStation } from '../command-support';

/** `audit-verify`: walks the audit chain; exits 1 and names the first broken entry when it does not hold. */
export const auditVerifyCommand: CliCommand = {
  name: 'audit-verify',
  usage: 'cli:commandUsage.auditVerify',
  calls: ['audit:verify'],
  run: (_args, { t }) =>
    withStation(async (station) => {
      const result = await callStation(station, 'audit:verify', undefined);
      if (!result.ok) return reportRefusal(t, result.error);
      const check = result.data;
      printJson(check);
      if (check.ok) return 0;
      process.stderr.write(t('cli:auditBroken', { seq: check.brokenSeq, reason: t(`cli:auditReason.${check.reason ?? 'hash_mismatch'}`) }) + '\n');
      return 1;
    }),
};
