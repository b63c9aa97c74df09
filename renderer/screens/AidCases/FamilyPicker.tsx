import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode, FieldIssue } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';

type FamilyList = CallOutput<'family:list'>;

/** Finds a donor family by registration number or the donor's full name; the results show names masked. */
export function FamilyPicker({ onChoose }: { onChoose: (familyId: string) => void }) {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<FamilyList | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [queryIssue, setQueryIssue] = useState<FieldIssue | undefined>(undefined);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const trimmed = query.trim();
      setFound(await call('family:list', { query: trimmed === '' ? undefined : trimmed }));
      setErrorCode(null);
      setQueryIssue(undefined);
    } catch (error) {
      const refusal = asApiError(error);
      const issue = refusal.issues.find((candidate) => candidate.path === 'query');
      setQueryIssue(issue);
      setErrorCode(issue ? null : refusal.code);
    }
  };

  return (
    <div className="aid-family-picker">
      <form className="filters form-grid" onSubmit={(event) => void search(event)} noValidate role="search">
        <Field id="aid-family-query" label={t('aidDesk:apply.familySearch')} issue={queryIssue}>
          <input id="aid-family-query" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
        </Field>
        <div className="filters__actions">
          <button type="submit">{t('aidDesk:apply.familySearchSubmit')}</button>
        </div>
      </form>
      <ErrorBanner code={errorCode} />
      {found?.families.length === 0 ? <p className="empty">{t('aidDesk:apply.noFamilies')}</p> : null}
      {found && found.families.length > 0 ? (
        <ul className="aid-family-results" aria-label={t('aidDesk:apply.familyResults')} data-testid="aid-family-results">
          {found.families.map((family) => (
            <li key={family.id}>
              <span>{t('aidDesk:family.donor', { name: family.donorName, number: family.registrationNumber })}</span>
              <button type="button" className="small" onClick={() => onChoose(family.id)}>
                {t('aidDesk:apply.chooseFamily')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
