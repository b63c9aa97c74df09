import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import { defaultLanguage, isLanguage, type Language } from '../../../shared/i18n/languages';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import { useOpenScreen } from '../../navigation';
import { LanguageSelect } from '../../components/LanguageSelect';
import { ActionForm } from '../../components/ActionForm';
import type { GroupView } from './types';

type IssuedDocument = CallOutput<'documents:issue'>;

interface IssueCertificateFormProps {
  group: GroupView;
  onIssued: () => void;
  onClose: () => void;
}

/**
 * Issues a group's attendance certificate (the subject is the group's check-in); it is printed and
 * handed over on the documents screen, like every document with a serial number.
 */
export function IssueCertificateForm({ group, onIssued, onClose }: IssueCertificateFormProps) {
  const { t, i18n } = useT();
  const openScreen = useOpenScreen();
  const [language, setLanguage] = useState<Language>(isLanguage(i18n.language) ? i18n.language : defaultLanguage);
  const [issued, setIssued] = useState<IssuedDocument | null>(null);

  const issue = useCallback(
    () => call('documents:issue', { kind: 'attendance_certificate', subject: { type: 'session', id: group.id }, language }),
    [group.id, language],
  );
  const done = useCallback(
    (document: IssuedDocument) => {
      setIssued(document);
      onIssued();
    },
    [onIssued],
  );
  const form = useSubmit(issue, done);

  if (issued) {
    return (
      <div className="action-form" data-testid="certificate-issued">
        <p role="status" className="success">
          {t('sessions:certificate.done', { organisation: group.organisation, serial: issued.serial })}
        </p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => openScreen('documents')}>
            {t('sessions:certificate.openDocuments')}
          </button>
          <button type="button" onClick={onClose}>
            {t('sessions:certificate.close')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <ActionForm
      id="issue-certificate"
      title={t('sessions:certificate.title', { organisation: group.organisation })}
      intro={t('sessions:certificate.intro', { count: group.headCount })}
      onSubmit={form.onSubmit}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('sessions:certificate.submit')}
      onCancel={onClose}
    >
      <Field id="issue-certificate-language" label={t('sessions:certificate.language')} issue={form.issueFor('language')}>
        <LanguageSelect id="issue-certificate-language" value={language} onChange={setLanguage} />
      </Field>
    </ActionForm>
  );
}
