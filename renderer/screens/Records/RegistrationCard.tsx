import { useT } from '../../i18n/index';
import type { DocumentKind } from '../../../shared/validation/identity-document';
import { useFormatDate } from '../../hooks/useFormatDate';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { AmendForm, isAmendable } from './AmendForm';
import { BodyPaperworkForm } from './BodyPaperworkForm';
import { FamilyRecordButton } from './FamilyRecordButton';
import { FollowUpForm } from './FollowUpForm';
import { IssueDocumentForm } from './IssueDocumentForm';
import { FollowUpList, RegistrationHistory } from './RegistrationHistory';
import { StateBadge } from './StateBadge';
import { StemCellPipeline } from './StemCellPipeline';
import { RealiseForm } from './RealiseForm';
import { nextForwardStatus, StemCellStatusForm } from './StemCellStatusForm';
import type { OnUpdated, Registration, RegistrationAction } from './types';
import { useChoiceSummary } from './useChoiceSummary';
import { WithdrawForm } from './WithdrawForm';

interface RegistrationCardProps {
  registration: Registration;
  /** The person the registration belongs to, for a donor card. */
  personId: string;
  documentKind: DocumentKind;
  /** Whether the staff member may record the donation as completed. */
  mayRealise: boolean;
  /** Whether the staff member cares for donor families: a realised registration then leads to its family. */
  mayCareForFamily: boolean;
  /** The action whose form is open on this registration, if any. */
  openAction: RegistrationAction | null;
  onOpenAction: (action: RegistrationAction | null) => void;
  onUpdated: OnUpdated;
}

/** One program's registration: its state, current choice, stem-cell pipeline, history and the actions it allows. */
export function RegistrationCard({ registration, personId, documentKind, mayRealise, mayCareForFamily, openAction, onOpenAction, onUpdated }: RegistrationCardProps) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  const formatDate = useFormatDate();
  const summary = useChoiceSummary();
  const active = registration.state === 'active';
  const next = nextForwardStatus(registration);
  const close = () => onOpenAction(null);

  // Only the actions the registration allows in its state and program are offered; the station checks them again.
  const actions: RegistrationAction[] = [];
  if (isAmendable(registration)) actions.push('amend');
  if (active && registration.program === 'body') actions.push('bodyPaperwork');
  if (next !== null) actions.push('stemCellStatus');
  if (active && registration.program === 'stem_cell') actions.push('followUp');
  if (active && mayRealise) actions.push('realise');
  if (active) actions.push('withdraw');
  actions.push('issueDocument');

  const titleId = `registration-${registration.id}-title`;
  return (
    <article className={`registration-card registration-card--${registration.state}`} aria-labelledby={titleId} data-number={registration.number}>
      <header className="registration-card__header">
        <h3 id={titleId}>
          {t(`registration:program.${registration.program}`)} <span className="mono">{registration.number}</span>
        </h3>
        <StateBadge state={registration.state} testId="registration-state" />
      </header>
      <dl className="facts facts--inline">
        <dt>{t('records:registration.version')}</dt>
        <dd data-testid="registration-version">{registration.version}</dd>
        <dt>{t('records:registration.channel')}</dt>
        <dd>{t(`registration:channel.${registration.channel}`)}</dd>
        <dt>{t('records:registration.createdAt')}</dt>
        <dd>{formatDateTime(registration.createdAt)}</dd>
        <dt>{t('records:registration.choice')}</dt>
        <dd data-testid="registration-choice">{summary(registration.choice)}</dd>
        {registration.realisedOn !== null ? (
          <>
            <dt>{t('records:registration.realisedOn')}</dt>
            <dd data-testid="registration-realised-on">{formatDate(registration.realisedOn)}</dd>
          </>
        ) : null}
        {registration.heardFrom !== null ? (
          <>
            <dt>{t('records:registration.heardFrom')}</dt>
            <dd data-testid="registration-heard-from">
              {t(`registration:heardFrom.${registration.heardFrom.kind}`)}
              {registration.heardFrom.session
                ? ` · ${t('registration:heardFromSession', { title: registration.heardFrom.session.title, date: formatDate(registration.heardFrom.session.date) })}`
                : null}
            </dd>
          </>
        ) : null}
      </dl>
      {registration.stemCell ? <StemCellPipeline stemCell={registration.stemCell} /> : null}
      <RegistrationHistory registration={registration} />
      <FollowUpList followUps={registration.followUps} />

      {openAction === null && actions.length > 0 ? (
        <div className="actions">
          {actions.map((action) => (
            <button key={action} type="button" className={action === 'withdraw' ? 'danger-outline' : undefined} onClick={() => onOpenAction(action)}>
              {action === 'issueDocument'
                ? t('documentDesk:issue.open')
                : action === 'stemCellStatus' && next !== null
                  ? t('records:actions.stemCellStatus', { status: t(`registration:stemCellStatus.${next}`) })
                  : t(`records:actions.${action}`)}
            </button>
          ))}
          {registration.state === 'realised' && mayCareForFamily ? <FamilyRecordButton registrationId={registration.id} /> : null}
        </div>
      ) : null}
      {openAction === 'amend' ? <AmendForm registration={registration} onUpdated={onUpdated} onCancel={close} /> : null}
      {openAction === 'realise' ? <RealiseForm registration={registration} onUpdated={onUpdated} onCancel={close} /> : null}
      {openAction === 'withdraw' ? <WithdrawForm registration={registration} documentKind={documentKind} onUpdated={onUpdated} onCancel={close} /> : null}
      {openAction === 'bodyPaperwork' ? <BodyPaperworkForm registration={registration} onUpdated={onUpdated} onCancel={close} /> : null}
      {openAction === 'stemCellStatus' && next !== null ? (
        <StemCellStatusForm registration={registration} next={next} onUpdated={onUpdated} onCancel={close} />
      ) : null}
      {openAction === 'issueDocument' ? <IssueDocumentForm registration={registration} personId={personId} onCancel={close} /> : null}
      {openAction === 'followUp' ? <FollowUpForm registration={registration} onUpdated={onUpdated} onCancel={close} /> : null}
    </article>
  );
}
