import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { Language } from '../../../shared/i18n/languages';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import { ActionForm } from '../../components/ActionForm';
import { LanguageSelect } from '../../components/LanguageSelect';
import type { DocumentView, OnDocumentDone } from './types';

interface ReissueFormProps {
  document: DocumentView;
  onDone: OnDocumentDone;
  onCancel: () => void;
}

/** Issues a new copy of the same kind for the same record; the station voids this one in the same step. */
export function ReissueForm({ document, onDone, onCancel }: ReissueFormProps) {
  const { t } = useT();
  const [language, setLanguage] = useState<Language>(document.language);

  const reissue = useCallback(
    () => call('documents:issue', { kind: document.kind, subject: document.subject, language, replaces: document.id }),
    [document, language],
  );
  const done = useCallback(
    (issued: DocumentView) => onDone({ action: 'reissue', serial: issued.serial, previous: document.serial }),
    [onDone, document.serial],
  );
  const form = useSubmit(reissue, done);

  return (
    <ActionForm
      id="reissue"
      title={t('documentDesk:reissue.title', { serial: document.serial })}
      intro={t('documentDesk:reissue.intro', { kind: t(`documentDesk:kind.${document.kind}`), serial: document.serial })}
      onSubmit={form.onSubmit}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('documentDesk:reissue.submit')}
      onCancel={onCancel}
    >
      <Field id="reissue-language" label={t('documentDesk:reissue.language')} issue={form.issueFor('language')}>
        <LanguageSelect id="reissue-language" value={language} onChange={setLanguage} />
      </Field>
    </ActionForm>
  );
}
