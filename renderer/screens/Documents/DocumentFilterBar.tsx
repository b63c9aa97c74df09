import { useT } from '../../i18n/index';
import { documentStates, isDocumentState } from '../../../shared/domain/documents';
import { serialDocuments, type SerialDocument } from '../../../shared/domain/registration-number';
import { Field } from '../../components/Field';
import type { DocumentFilters } from './types';

function isSerialDocument(value: string): value is SerialDocument {
  return (serialDocuments as readonly string[]).includes(value);
}

/** State and kind filters; the list follows each change at once. */
export function DocumentFilterBar({ value, onChange }: { value: DocumentFilters; onChange: (value: DocumentFilters) => void }) {
  const { t } = useT();
  return (
    <div className="filters form-grid" role="group" aria-label={t('documentDesk:filters.label')}>
      <Field id="documents-state" label={t('documentDesk:filters.state')}>
        <select
          id="documents-state"
          value={value.state}
          onChange={(e) => onChange({ ...value, state: isDocumentState(e.target.value) ? e.target.value : '' })}
        >
          <option value="">{t('documentDesk:filters.allStates')}</option>
          {documentStates.map((state) => (
            <option key={state} value={state}>
              {t(`documentDesk:state.${state}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="documents-kind" label={t('documentDesk:filters.kind')}>
        <select
          id="documents-kind"
          value={value.kind}
          onChange={(e) => onChange({ ...value, kind: isSerialDocument(e.target.value) ? e.target.value : '' })}
        >
          <option value="">{t('documentDesk:filters.allKinds')}</option>
          {serialDocuments.map((kind) => (
            <option key={kind} value={kind}>
              {t(`documentDesk:kind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
