import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import type { InvitationAnswer } from '../../../shared/domain/family';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { InviteForm } from './InviteForm';
import type { Family, FamilyDone, Invitation } from './types';

interface RemembranceSectionProps {
  family: Family;
  inviting: boolean;
  onInviting: (open: boolean) => void;
  /** An invitation changed: the page loads the family again and says what was done. */
  onInvitationChanged: (done: FamilyDone) => void;
}

/**
 * The invitations to the remembrance ceremonies: the code printed on the letter (typed at the memorial
 * kiosk's sign-in it records the family came), the family's answer and whether they came.
 */
export function RemembranceSection({ family, inviting, onInviting, onInvitationChanged }: RemembranceSectionProps) {
  const { t, i18n } = useT();
  const formatDateTime = useFormatDateTime();
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  const run = useCallback(
    async (work: () => Promise<unknown>, done: FamilyDone) => {
      setBusy(true);
      setErrorCode(null);
      try {
        await work();
        onInvitationChanged(done);
      } catch (error) {
        setErrorCode(asApiError(error).code);
      } finally {
        setBusy(false);
      }
    },
    [onInvitationChanged],
  );
  const answer = (invitation: Invitation, given: InvitationAnswer) =>
    void run(() => call('family:answerInvitation', { invitationId: invitation.id, answer: given }), 'answered');
  const markAttended = (invitation: Invitation) => void run(() => call('family:markAttended', { invitationId: invitation.id }), 'attended');
  const reopen = (ceremony: Family['declinedCeremonies'][number]) => void run(() => call('family:reopenCeremony', { familyId: family.id, ceremony }), 'ceremonyReopened');

  return (
    <section aria-labelledby="family-remembrance-title" data-testid="family-remembrance">
      <h2 id="family-remembrance-title">{t('familyDesk:remembrance.title')}</h2>
      <ErrorBanner code={errorCode} />
      {family.invitations.length === 0 ? <p className="empty">{t('familyDesk:remembrance.none')}</p> : null}
      {family.invitations.map((invitation) => {
        const titleId = `invitation-${invitation.id}-title`;
        return (
          <article key={invitation.id} className="family-invitation" aria-labelledby={titleId} data-testid="family-invitation" data-state={invitation.state}>
            <h3 id={titleId}>{t('familyDesk:remembrance.invitationTitle', { ceremony: t(`family:ceremony.${invitation.ceremony}`), year: invitation.year })}</h3>
            <p className="family-invitation__code">
              <span>{t('familyDesk:remembrance.code')}</span>{' '}
              <strong className="mono" data-testid="invitation-code">
                {invitation.code}
              </strong>
            </p>
            <dl className="facts facts--inline">
              <dt>{t('familyDesk:remembrance.answer')}</dt>
              <dd data-testid="invitation-state">{t(`family:invitationState.${invitation.state}`)}</dd>
              <dt>{t('familyDesk:remembrance.attended')}</dt>
              <dd data-testid="invitation-attended">
                {invitation.attendedAt === null
                  ? t('familyDesk:remembrance.notAttended')
                  : t('familyDesk:remembrance.attendedAt', {
                      at: formatDateTime(invitation.attendedAt),
                      source: t(`familyDesk:remembrance.source.${invitation.attendedSource ?? 'staff'}`),
                    })}
              </dd>
            </dl>
            <div className="actions">
              {invitation.state === 'invited' ? (
                <>
                  <button type="button" onClick={() => answer(invitation, 'accepted')} disabled={busy}>
                    {t('familyDesk:remembrance.accept')}
                  </button>
                  <button type="button" onClick={() => answer(invitation, 'declined')} disabled={busy}>
                    {t('familyDesk:remembrance.decline')}
                  </button>
                </>
              ) : null}
              {invitation.attendedAt === null ? (
                <button type="button" onClick={() => markAttended(invitation)} disabled={busy}>
                  {t('familyDesk:remembrance.markAttended')}
                </button>
              ) : null}
            </div>
          </article>
        );
      })}
      {family.declinedCeremonies.length > 0 ? (
        <div className="family-declined">
          <p>{t('familyDesk:remembrance.declined', { ceremonies: new Intl.ListFormat(i18n.language).format(family.declinedCeremonies.map((ceremony) => t(`family:ceremony.${ceremony}`))) })}</p>
          <div className="actions">
            {family.declinedCeremonies.map((ceremony) => (
              <button key={ceremony} type="button" onClick={() => reopen(ceremony)} disabled={busy}>
                {t('familyDesk:remembrance.reopen', { ceremony: t(`family:ceremony.${ceremony}`) })}
              </button>
            ))}
          </div>
        </div>
      ) : null}
      {inviting ? (
        <InviteForm familyId={family.id} onDone={() => onInvitationChanged('invited')} onCancel={() => onInviting(false)} />
      ) : (
        <div className="actions">
          <button type="button" onClick={() => onInviting(true)}>
            {t('familyDesk:remembrance.invite.open')}
          </button>
        </div>
      )}
    </section>
  );
}
