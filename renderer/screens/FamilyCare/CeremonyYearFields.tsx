import { useT } from '../../i18n/index';
import type { FieldIssue } from '../../../shared/contract/errors';
import { ceremonies, type Ceremony } from '../../../shared/domain/family';
import { Field } from '../../components/Field';

interface CeremonyYearFieldsProps {
  /** Names the fields: `${id}-ceremony` and `${id}-year`. */
  id: string;
  ceremony: Ceremony;
  onCeremonyChange: (ceremony: Ceremony) => void;
  /** The year as typed. */
  year: string;
  onYearChange: (year: string) => void;
  issueFor: (path: string) => FieldIssue | undefined;
}

/** Which remembrance ceremony and which year an invitation is for: one family's or the yearly round's. */
export function CeremonyYearFields({ id, ceremony, onCeremonyChange, year, onYearChange, issueFor }: CeremonyYearFieldsProps) {
  const { t } = useT();
  return (
    <>
      <Field id={`${id}-ceremony`} label={t('familyDesk:remembrance.ceremony')} issue={issueFor('ceremony')}>
        <select id={`${id}-ceremony`} value={ceremony} onChange={(e) => onCeremonyChange(e.target.value as Ceremony)}>
          {ceremonies.map((option) => (
            <option key={option} value={option}>
              {t(`family:ceremony.${option}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-year`} label={t('familyDesk:remembrance.year')} issue={issueFor('year')}>
        <input id={`${id}-year`} inputMode="numeric" value={year} onChange={(e) => onYearChange(e.target.value)} autoComplete="off" />
      </Field>
    </>
  );
}
