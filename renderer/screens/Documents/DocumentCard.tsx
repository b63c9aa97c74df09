import { useT } from '../../i18n/index';
import { canHandOver, canPrint, canVoid } from '../../../shared/domain/documents';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { DocumentHistory } from './DocumentHistory';
import { DocumentStateBadge } from './DocumentStateBadge';
import { HandOverForm } from './HandOverForm';
import { PrintButton } from '../../components/PrintButton';
import { ReissueForm } from './ReissueForm';
import type { DocumentAction, DocumentView, OnDocumentDone } from './types';
import { VoidForm } from './VoidForm';

interface DocumentCardProps {
  document: DocumentView;
  /** Whether the person at the screen may void (supervisors and administrators). */
  mayVoid: boolean;
  openAction: DocumentAction | null;
  onOpenAction: (action: DocumentAction | null) => void;
  onDone: OnDocumentDone;
}

/** One document: what, whose, where it stands, the copies it is linked to, and the actions its state allows. */
export function DocumentCard({ document, mayVoid, openAction, onOpenAction, onDone }: DocumentCardProps) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  const nobody = t('documentDesk:list.nobody');
  const close = () => onOpenAction(null);

  // Only what the state allows is offered; the station checks again.
  const actions: DocumentAction[] = [];
  if (canHandOver(document.state)) actions.push('handOver');
  if (document.state !== 'voided' && document.replacedBySerial === null) actions.push('reissue');
  if (mayVoid && canVoid(document.state)) actions.push('void');

  const titleId = `document-${document.id}-title`;
  const handedOver = document.handedOver;
  return (
    <article className={`document-card document-card--${document.state}`} aria-labelledby={titleId} data-serial={document.serial}>
      <header className="document-card__header">
        <h3 id={titleId}>
          {t(`documentDesk:kind.${document.kind}`)} <span className="mono" data-testid="document-serial">{document.serial}</span>
        </h3>
        <DocumentStateBadge state={document.state} />
      </header>
      <dl className="facts facts--inline">
        <dt>{t('documentDesk:list.subject')}</dt>
        <dd data-testid="document-subject">{document.subjectName}</dd>
        <dt>{t('documentDesk:list.issued')}</dt>
        <dd>{t('documentDesk:list.byAt', { at: formatDateTime(document.issuedAt), by: document.issuedBy ?? nobody })}</dd>
        {handedOver ? (
          <>
            <dt>{t('documentDesk:list.handedOver')}</dt>
            <dd data-testid="document-recipient">
              {t('documentDesk:list.recipient', {
                name: handedOver.recipientName,
                relation: t(`documentDesk:relation.${handedOver.relation}`),
                documentKind: t(`registration:documentKind.${handedOver.recipientDocumentKind}`),
                document: handedOver.recipientDocument,
              })}
              {' · '}
              {t('documentDesk:list.byAt', { at: formatDateTime(handedOver.at), by: handedOver.by ?? nobody })}
            </dd>
          </>
        ) : null}
        {document.voided ? (
          <>
            <dt>{t('documentDesk:list.voided')}</dt>
            <dd>{t('documentDesk:list.byAt', { at: formatDateTime(document.voided.at), by: document.voided.by ?? nobody })}</dd>
          </>
        ) : null}
        {document.replacesSerial ? (
          <>
            <dt>{t('documentDesk:list.replaces')}</dt>
            <dd className="mono" data-testid="document-replaces">{document.replacesSerial}</dd>
          </>
        ) : null}
        {document.replacedBySerial ? (
          <>
            <dt>{t('documentDesk:list.replacedBy')}</dt>
            <dd className="mono" data-testid="document-replaced-by">{document.replacedBySerial}</dd>
          </>
        ) : null}
      </dl>
      <DocumentHistory history={document.history} />

      {openAction === null && (actions.length > 0 || canPrint(document.state)) ? (
        <div className="actions">
          {canPrint(document.state) ? <PrintButton document={document} onDone={onDone} /> : null}
          {actions.map((action) => (
            <button key={action} type="button" className={action === 'void' ? 'danger-outline' : undefined} onClick={() => onOpenAction(action)}>
              {t(`documentDesk:actions.${action}`)}
            </button>
          ))}
        </div>
      ) : null}
      {openAction === 'handOver' ? <HandOverForm document={document} onDone={onDone} onCancel={close} /> : null}
      {openAction === 'void' ? <VoidForm document={document} onDone={onDone} onCancel={close} /> : null}
      {openAction === 'reissue' ? <ReissueForm document={document} onDone={onDone} onCancel={close} /> : null}
    </article>
  );
}
