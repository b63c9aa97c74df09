import { useT } from '../../i18n/index';

/** The do-not-contact wish as a word with a mark, never as a colour alone. */
export function DoNotContactMark({ doNotContact }: { doNotContact: boolean }) {
  const { t } = useT();
  return doNotContact ? (
    <span className="badge badge--do-not-contact" data-testid="do-not-contact-mark">
      <span aria-hidden="true">⛔ </span>
      {t('familyDesk:list.notToBeContacted')}
    </span>
  ) : (
    <span className="badge" data-testid="do-not-contact-mark">
      {t('familyDesk:list.mayBeContacted')}
    </span>
  );
}
