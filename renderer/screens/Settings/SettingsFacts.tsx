import { useT } from '../../i18n/index';
import type { SettingsView } from './types';

/** The three sections as they stand, for a supervisor, who may read but not change them. */
export function SettingsFacts({ view }: { view: SettingsView }) {
  const { t } = useT();
  const registration = view.registration.values;
  const printing = view.printing.values;
  return (
    <>
      <section className="form-section settings-card" aria-labelledby="settings-registration-title" data-testid="settings-registration">
        <h2 id="settings-registration-title">{t('settings:registration.title')}</h2>
        <dl className="facts">
          <dt>{t('settings:registration.stemCellMinAge')}</dt>
          <dd data-testid="fact-stemCellMinAge">{registration.stemCellMinAge}</dd>
          <dt>{t('settings:registration.stemCellMaxAge')}</dt>
          <dd data-testid="fact-stemCellMaxAge">{registration.stemCellMaxAge}</dd>
          <dt>{t('settings:registration.coolingOffDays')}</dt>
          <dd data-testid="fact-coolingOffDays">{registration.coolingOffDays}</dd>
          <dt>{t('settings:registration.kioskIdleSeconds')}</dt>
          <dd data-testid="fact-kioskIdleSeconds">{registration.kioskIdleSeconds}</dd>
          <dt>{t('settings:registration.bodyChangeNeedsNotarisation')}</dt>
          <dd data-testid="fact-bodyChangeNeedsNotarisation">{registration.bodyChangeNeedsNotarisation ? t('settings:yes') : t('settings:no')}</dd>
        </dl>
      </section>
      <section className="form-section settings-card" aria-labelledby="settings-staff-title" data-testid="settings-staff">
        <h2 id="settings-staff-title">{t('settings:staff.title')}</h2>
        <dl className="facts">
          <dt>{t('settings:staff.idleLockMinutes')}</dt>
          <dd data-testid="fact-idleLockMinutes">{view.staff.values.idleLockMinutes}</dd>
        </dl>
      </section>
      <section className="form-section settings-card" aria-labelledby="settings-printing-title" data-testid="settings-printing">
        <h2 id="settings-printing-title">{t('settings:printing.title')}</h2>
        <dl className="facts">
          <dt>{t('settings:printing.receiptPrinter')}</dt>
          <dd data-testid="fact-receiptPrinter">{printing.receiptPrinter ?? t('settings:printing.noPrinter')}</dd>
          <dt>{t('settings:printing.receiptPaper')}</dt>
          <dd data-testid="fact-receiptPaper">{t(`settings:printing.paper.${printing.receiptPaper}`)}</dd>
        </dl>
      </section>
    </>
  );
}
