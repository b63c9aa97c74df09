import { useT } from '../../i18n/index';
import { useOpenScreen } from '../../navigation';
import type { Family } from './types';

/** The family's other records kept on their own screens: its aid cases. */
export function FamilyLinks({ family }: { family: Family }) {
  const { t } = useT();
  const openScreen = useOpenScreen();
  return (
    <div className="actions family-links">
      <button type="button" onClick={() => openScreen('aidCases', { familyId: family.id })}>
        {t('familyDesk:page.aidCases')}
      </button>
    </div>
  );
}
