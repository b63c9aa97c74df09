import { useT } from '../../i18n/index';
import { useFormatDate } from '../../hooks/useFormatDate';
import { LogContactForm } from './LogContactForm';
import type { Family, OnFamilyChanged } from './types';

interface CarePlanSectionProps {
  family: Family;
  memberName: (memberId: string) => string;
  /** Unmasked notes (needs, next step) shown only once staff chose to show the family in full. */
  unmasked: boolean;
  /** The contact form, open with the follow-up it answers (null: none chosen), or closed (undefined). */
  logging: string | null | undefined;
  onLogging: (followUpId: string | null | undefined) => void;
  onChanged: OnFamilyChanged;
}

/** The care plan (follow-ups with their due date and state) and the log of every contact, newest first. */
export function CarePlanSection({ family, memberName, unmasked, logging, onLogging, onChanged }: CarePlanSectionProps) {
  const { t } = useT();
  const formatDate = useFormatDate();
  const hidden = t('familyDesk:hiddenNote');
  return (
    <section aria-labelledby="family-care-plan-title" data-testid="family-care-plan">
      <h2 id="family-care-plan-title">{t('familyDesk:followUps.title')}</h2>
      {family.doNotContact ? <p className="notice">{t('familyDesk:followUps.stoppedNotice')}</p> : null}
      {family.followUps.length === 0 ? (
        <p className="empty">{t('familyDesk:followUps.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('familyDesk:followUps.dueOn')}</th>
                <th scope="col">{t('familyDesk:followUps.kind')}</th>
                <th scope="col">{t('familyDesk:followUps.state')}</th>
              </tr>
            </thead>
            <tbody>
              {family.followUps.map((followUp) => (
                <tr key={followUp.id} data-testid="family-follow-up" data-state={followUp.state}>
                  <th scope="row">{formatDate(followUp.dueOn)}</th>
                  <td>{t(`family:followUpKind.${followUp.kind}`)}</td>
                  <td data-testid="family-follow-up-state">{t(`family:followUpState.${followUp.state}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="family-contacts-title">{t('familyDesk:contacts.title')}</h2>
      {family.contacts.length === 0 ? (
        <p className="empty">{t('familyDesk:contacts.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-labelledby="family-contacts-title" data-testid="family-contacts">
            <thead>
              <tr>
                <th scope="col">{t('familyDesk:contacts.on')}</th>
                <th scope="col">{t('familyDesk:contacts.kind')}</th>
                <th scope="col">{t('familyDesk:contacts.member')}</th>
                <th scope="col">{t('familyDesk:contacts.needs')}</th>
                <th scope="col">{t('familyDesk:contacts.nextStep')}</th>
                <th scope="col">{t('familyDesk:contacts.recordedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {family.contacts.map((contact) => (
                <tr key={contact.id} data-testid="family-contact">
                  <th scope="row">{formatDate(contact.on)}</th>
                  <td>{t(`family:contactKind.${contact.kind}`)}</td>
                  <td>{contact.memberId ? memberName(contact.memberId) : ''}</td>
                  <td>{contact.needs === null ? '' : unmasked ? contact.needs : hidden}</td>
                  <td>{contact.nextStep === null ? '' : unmasked ? contact.nextStep : hidden}</td>
                  <td>{contact.recordedBy ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {logging !== undefined ? (
        <LogContactForm family={family} followUpId={logging} memberName={memberName} onChanged={onChanged} onCancel={() => onLogging(undefined)} />
      ) : family.doNotContact ? null : (
        <div className="actions">
          <button type="button" onClick={() => onLogging(null)}>
            {t('familyDesk:contacts.form.open')}
          </button>
        </div>
      )}
    </section>
  );
}
