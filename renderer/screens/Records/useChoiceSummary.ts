import { useT } from '../../i18n/index';
import type { ChoiceView } from './types';

/**
 * One line that says what a version of a registration chose, for the history table and the card:
 * the organs, the body-donation paperwork or the volunteer's blood type and (masked) contacts.
 */
export function useChoiceSummary(): (choice: ChoiceView) => string {
  const { t } = useT();
  const list = (items: string[]) => items.join(t('records:listSeparator'));
  return (choice) => {
    switch (choice.program) {
      case 'organ':
        return choice.organs.kind === 'all'
          ? t('registration:organScope.all')
          : t('records:summary.organs', { organs: list(choice.organs.organs.map((organ) => t(`registration:organ.${organ}`))) });
      case 'cornea':
        return t('registration:program.cornea');
      case 'body': {
        const paperwork = choice.paperwork;
        if (paperwork === null) return t('records:summary.paperworkMissing');
        const relatives = paperwork.noCloseRelatives
          ? t('records:summary.noCloseRelatives')
          : list(
              paperwork.relatives.map((relative) =>
                t('records:summary.relative', {
                  relation: t(`registration:relation.${relative.relation}`),
                  name: relative.name,
                  opinion: t(relative.agrees ? 'records:summary.agrees' : 'records:summary.disagrees'),
                }),
              ),
            );
        return t('records:summary.paperwork', {
          kind: t(`registration:executorKind.${paperwork.executor.kind}`),
          name: paperwork.executor.name,
          phone: paperwork.executor.phone,
          relatives,
        });
      }
      case 'stem_cell':
        return t('records:summary.stemCell', {
          bloodType: t(`registration:bloodType.${choice.bloodType}`),
          contacts: list(
            choice.emergencyContacts.map((contact) =>
              t('records:summary.contact', {
                name: contact.name,
                relation: t(`registration:contactRelation.${contact.relation}`),
                phone: contact.phone,
              }),
            ),
          ),
        });
    }
  };
}
