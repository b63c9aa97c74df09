import { FactsSection } from '../../components/FactsSection';
import { useT } from '../../i18n/index';
import type { SettingsView } from './types';

/** The sections as they stand, for a supervisor, who may read but not change them. */
export function SettingsFacts({ view }: { view: SettingsView }) {
  const { t } = useT();
  const registration = view.registration.values;
  const printing = view.printing.values;
  return (
    <>
      <FactsSection
        id="settings-registration-title"
        title={t('settings:registration.title')}
        className="settings-card"
        testId="settings-registration"
        facts={[
          { label: t('settings:registration.stemCellMinAge'), value: registration.stemCellMinAge, testId: 'fact-stemCellMinAge' },
          { label: t('settings:registration.stemCellMaxAge'), value: registration.stemCellMaxAge, testId: 'fact-stemCellMaxAge' },
          { label: t('settings:registration.coolingOffDays'), value: registration.coolingOffDays, testId: 'fact-coolingOffDays' },
          { label: t('settings:registration.kioskIdleSeconds'), value: registration.kioskIdleSeconds, testId: 'fact-kioskIdleSeconds' },
          {
            label: t('settings:registration.bodyChangeNeedsNotarisation'),
            value: registration.bodyChangeNeedsNotarisation ? t('settings:yes') : t('settings:no'),
            testId: 'fact-bodyChangeNeedsNotarisation',
          },
        ]}
      />
      <FactsSection
        id="settings-staff-title"
        title={t('settings:staff.title')}
        className="settings-card"
        testId="settings-staff"
        facts={[{ label: t('settings:staff.idleLockMinutes'), value: view.staff.values.idleLockMinutes, testId: 'fact-idleLockMinutes' }]}
      />
      <FactsSection
        id="settings-printing-title"
        title={t('settings:printing.title')}
        className="settings-card"
        testId="settings-printing"
        facts={[
          { label: t('settings:printing.receiptPrinter'), value: printing.receiptPrinter ?? t('settings:printing.noPrinter'), testId: 'fact-receiptPrinter' },
          { label: t('settings:printing.receiptPaper'), value: t(`settings:printing.paper.${printing.receiptPaper}`), testId: 'fact-receiptPaper' },
        ]}
      />
      <FactsSection
        id="settings-kiosk-title"
        title={t('elder:settings.title')}
        className="settings-card"
        testId="settings-kiosk"
        facts={[
          {
            label: t('elder:settings.elderModeDefault'),
            value: view.kiosk.values.elderModeDefault ? t('elder:settings.elderModeOn') : t('elder:settings.elderModeOff'),
            testId: 'fact-elderModeDefault',
          },
        ]}
      />
    </>
  );
}
