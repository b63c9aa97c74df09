import { useT } from '../../i18n/index';
import { useFormatDate } from '../../hooks/useFormatDate';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import type { MemorialEntryView } from './types';
import { WithdrawConsentForm } from './WithdrawConsentForm';

interface EntryCardProps {
  entry: MemorialEntryView;
  withdrawing: boolean;
  onWithdraw: (open: boolean) => void;
  onWithdrawn: (entry: MemorialEntryView) => void;
}

/** One entry: the name as published, where it is engraved, the family's consent (masked) and who entered it. */
export function EntryCard({ entry, withdrawing, onWithdraw, onWithdrawn }: EntryCardProps) {
  const { t } = useT();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const nobody = t('nameListDesk:list.nobody');
  const titleId = `entry-${entry.id}-title`;
  const { consent } = entry;
  return (
    <article className={`name-entry name-entry--${entry.state}`} aria-labelledby={titleId} data-testid="name-entry" data-state={entry.state}>
      <header className="name-entry__header">
        <h3 id={titleId} data-testid="name-entry-name">
          {entry.name}
        </h3>
        <span className={`badge badge--name-${entry.state}`} data-testid="name-entry-state">
          {t(`nameListDesk:state.${entry.state}`)}
        </span>
      </header>
      <dl className="facts facts--inline">
        <dt>{t('nameListDesk:add.donationKind')}</dt>
        <dd>{t(`nameList:donationKind.${entry.donationKind}`)}</dd>
        <dt>{t('nameListDesk:list.year')}</dt>
        <dd>{entry.engravingYear}</dd>
        <dt>{t('nameListDesk:list.location')}</dt>
        <dd>{entry.wallLocation}</dd>
        <dt>{t('nameListDesk:list.consent')}</dt>
        <dd data-testid="name-entry-consent">
          {t('nameListDesk:list.consentSummary', {
            name: consent.relativeName,
            relation: t(`nameListDesk:relation.${consent.relation}`),
            documentKind: t(`registration:documentKind.${consent.relativeDocumentKind}`),
            document: consent.relativeDocument,
            givenOn: formatDate(consent.givenOn),
            signature: t(`nameListDesk:list.signature.${consent.signature}`),
          })}
        </dd>
        <dt>{t('nameListDesk:list.created')}</dt>
        <dd>{t('nameListDesk:list.byAt', { by: entry.createdBy ?? nobody, at: formatDateTime(entry.createdAt) })}</dd>
        {entry.withdrawn ? (
          <>
            <dt>{t('nameListDesk:list.withdrawnAt')}</dt>
            <dd>{t('nameListDesk:list.byAt', { by: entry.withdrawn.by ?? nobody, at: formatDateTime(entry.withdrawn.at) })}</dd>
          </>
        ) : null}
      </dl>
      {entry.state === 'published' && !withdrawing ? (
        <div className="actions">
          <button type="button" className="danger" onClick={() => onWithdraw(true)}>
            {t('nameListDesk:withdraw.open')}
          </button>
        </div>
      ) : null}
      {withdrawing ? <WithdrawConsentForm entry={entry} onDone={onWithdrawn} onCancel={() => onWithdraw(false)} /> : null}
    </article>
  );
}
