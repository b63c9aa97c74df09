import { useT } from '../../i18n/index';

/**
 * What the public kiosk says when a registration must be finished at the desk. The same words
 * whatever the reason: the kiosk never tells anyone what the station holds about a person.
 */
export function SeeStaffNotice() {
  const { t } = useT();
  return (
    <div className="registration__done">
      <p className="registration__thanks" role="status" data-testid="see-staff">
        {t('kiosk:seeStaff.message')}
      </p>
      <p className="lead">{t('kiosk:seeStaff.cleared')}</p>
    </div>
  );
}
