import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { recipientRelations, type RecipientRelation } from '../../../shared/domain/documents';
import { ApiError, call } from '../../api/client';
import { Field } from '../../components/Field';
import { IssueMessage } from '../../components/IssueMessage';
import { SignaturePad } from '../../components/SignaturePad';
import { useSubmit } from '../../hooks/useSubmit';
import { ActionForm } from '../../components/ActionForm';
import { DocumentFields, type DocumentDraft } from '../../components/DocumentFields';
import type { DocumentView, OnDocumentDone } from './types';

interface HandOverFormProps {
  document: DocumentView;
  onDone: OnDocumentDone;
  onCancel: () => void;
}

/** Records who collected the copy: their name, relation, document (kept masked) and signature drawn here. */
export function HandOverForm({ document, onDone, onCancel }: HandOverFormProps) {
  const { t } = useT();
  const [recipientName, setRecipientName] = useState('');
  const [relation, setRelation] = useState<RecipientRelation>('self');
  const [recipientDocument, setRecipientDocument] = useState<DocumentDraft>({ kind: 'resident_id', number: '' });
  const [signature, setSignature] = useState<string | null>(null);

  const handOver = useCallback(async () => {
    if (signature === null) throw new ApiError('validation_failed', [{ path: 'signature', reason: 'signature_required' }]);
    return call('documents:handOver', { documentId: document.id, recipientName, relation, recipientDocument, signature });
  }, [document.id, recipientName, relation, recipientDocument, signature]);
  const done = useCallback((handed: DocumentView) => onDone({ action: 'handOver', serial: handed.serial }), [onDone]);
  const form = useSubmit(handOver, done);
  const signatureIssue = form.issueFor('signature');

  return (
    <ActionForm
      id="hand-over"
      title={t('documentDesk:handOver.title', { serial: document.serial })}
      intro={t('documentDesk:handOver.intro')}
      onSubmit={form.onSubmit}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('documentDesk:handOver.submit')}
      onCancel={onCancel}
    >
      <Field id="hand-over-name" label={t('documentDesk:handOver.recipientName')} issue={form.issueFor('recipientName')}>
        <input id="hand-over-name" value={recipientName} onChange={(e) => setRecipientName(e.target.value)} autoComplete="off" />
      </Field>
      <Field id="hand-over-relation" label={t('documentDesk:handOver.relation')} issue={form.issueFor('relation')}>
        <select id="hand-over-relation" value={relation} onChange={(e) => setRelation(e.target.value as RecipientRelation)}>
          {recipientRelations.map((option) => (
            <option key={option} value={option}>
              {t(`documentDesk:relation.${option}`)}
            </option>
          ))}
        </select>
      </Field>
      <DocumentFields
        idPrefix="hand-over-document"
        pathPrefix="recipientDocument."
        value={recipientDocument}
        onChange={setRecipientDocument}
        issueFor={form.issueFor}
      />
      <div className="form-grid__full signature-field">
        <label htmlFor="hand-over-signature">{t('documentDesk:handOver.signature')}</label>
        <SignaturePad
          id="hand-over-signature"
          value={signature}
          onChange={setSignature}
          errorId="hand-over-signature-error"
          invalid={signatureIssue !== undefined}
        />
        <IssueMessage id="hand-over-signature-error" issue={signatureIssue} as="p" />
      </div>
    </ActionForm>
  );
}
