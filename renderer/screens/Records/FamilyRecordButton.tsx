import { useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import { call } from '../../api/client';
import { useOpenScreen } from '../../navigation';

/**
 * On a realised registration: the way to its donor family, "open the family record" until there is one,
 * "family record" after. Either opens the family-care screen for that registration.
 */
export function FamilyRecordButton({ registrationId }: { registrationId: string }) {
  const { t } = useT();
  const openScreen = useOpenScreen();
  const [exists, setExists] = useState<boolean | null>(null);

  useEffect(() => {
    let current = true;
    call('family:fromRegistration', { registrationId })
      .then(({ familyId }) => {
        if (current) setExists(familyId !== null);
      })
      .catch(() => {
        // Without the answer the button still opens the family-care screen, which says what went wrong.
        if (current) setExists(false);
      });
    return () => {
      current = false;
    };
  }, [registrationId]);

  if (exists === null) return null;
  return (
    <button type="button" data-testid="family-record-button" onClick={() => openScreen('familyCare', { registrationId })}>
      {exists ? t('familyDesk:records.existing') : t('familyDesk:records.open')}
    </button>
  );
}
