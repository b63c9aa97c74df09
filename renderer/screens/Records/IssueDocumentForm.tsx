import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import { documentSubjectOf } from '../../../shared/domain/documents';
import type { SerialDocument } from '../../../shared/domain/registration-number';
import { asLanguage, type Language } from '../../../shared/i18n/languages';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import { useOpenScreen } from '../../navigation';
import { LanguageSelect } from '../../components/LanguageSelect';
import { ActionForm } from '../../components/ActionForm';
import { useRecordRefresh } from './record-refresh';
import type { Registration } from './types';

type IssuedDocument = CallOutput<'documents:issue'>;

interface IssueDocumentFormProps {
  registration: Registration;
  personId: string;
  onCancel: () => void;
}

/**
 * The documents a registration desk issues: a receipt at any time, a certificate and a donor card while
 * active, and once the donation has taken place the memorial and honour certificates for the family.
 */
function issuableKinds(registration: Registration): SerialDocument[] {
  if (registration.state === 'active') return ['receipt', 'registration_certificate', 'donor_card'];
  if (registration.state === 'realised') return ['receipt', 'memorial_certificate', 'honour_certificate'];
  return ['receipt'];
}

/** Issues a receipt or certificate for this registration, or a donor card for the person, and names its serial. */
export function IssueDocumentForm({ registration, personId, onCancel }: IssueDocumentFormProps) {
  const { t, i18n } = useT();
  const openScreen = useOpenScreen();
  const kinds = issuableKinds(registration);
  const [kind, setKind] = useState<SerialDocument>('receipt');
  const [language, setLanguage] = useState<Language>(asLanguage(i18n.language));
  const [issued, setIssued] = useState<IssuedDocument | null>(null);

  const issue = useCallback(() => {
    const type = documentSubjectOf[kind];
    return call('documents:issue', { kind, language, subject: { type, id: type === 'person' ? personId : registration.id } });
  }, [kind, language, personId, registration.id]);
  const refreshRecord = useRecordRefresh();
  const onIssued = useCallback(
    (document: IssuedDocument) => {
      setIssued(document);
      refreshRecord();
    },
    [refreshRecord],
  );
  const form = useSubmit(issue, onIssued);

  if (issued) {
    return (
      <div className="action-form" data-testid="issue-document-done">
        <p role="status" className="success">
          {t('documentDesk:issue.done', { kind: t(`documentDesk:kind.${issued.kind}`), serial: issued.serial })}
        </p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => openScreen('documents')}>
            {t('documentDesk:issue.openList')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('documentDesk:issue.close')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <ActionForm
      id="issue-document"
      title={t('documentDesk:issue.title')}
      onSubmit={form.onSubmit}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('documentDesk:issue.submit')}
      onCancel={onCancel}
    >
      <Field id="issue-document-kind" label={t('documentDesk:issue.kind')} issue={form.issueFor('kind')}>
        <select id="issue-document-kind" value={kind} onChange={(e) => setKind(kinds.find((option) => option === e.target.value) ?? 'receipt')}>
          {kinds.map((option) => (
            <option key={option} value={option}>
              {t(`documentDesk:kind.${option}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="issue-document-language" label={t('documentDesk:issue.language')} issue={form.issueFor('language')}>
        <LanguageSelect id="issue-document-language" value={language} onChange={setLanguage} />
      </Field>
    </ActionForm>
  );
}
