import { useT } from '../../i18n/index';
import { programs } from '../../../shared/domain/programs';
import { Field } from '../../components/Field';
import { IssueMessage } from '../../components/IssueMessage';
import { documentNumberKeys, KeypadInput } from '../../components/NumericKeypad';
import { DocumentKindSelect, EthnicGroupSelect } from '../../components/PersonFields';
import { detectDocumentKind, numberCarriesBirthDate } from '../../../shared/validation/identity-document';
import { localToday, useFormatDate } from '../../hooks/useFormatDate';
import { ChoiceGroup, invalidProps } from './ChoiceGroup';
import { derivedDetails, type StepProps } from './draft';
import { cardLocked } from './card/card-fill';
import { CardFilledFields } from './card/CardFilledFields';
import { IdCardPanel } from './card/IdCardPanel';

/**
 * Step 2: the document, name and phone; birth date and sex read from the number where it carries them.
 * An ID card on the station's reader fills and locks all but the phone.
 */
export function IdentityStep({ draft, update, issueFor }: StepProps) {
  const { t } = useT();
  const locked = cardLocked(draft);

  // Until the person picks a kind, the shape of the number preselects it (e.g. 81… is a residence permit).
  const onNumber = (documentNumber: string) => {
    const detected = draft.documentKindChosen ? null : detectDocumentKind(documentNumber);
    update(detected ? { documentNumber, documentKind: detected } : { documentNumber });
  };

  return (
    <>
      <IdCardPanel draft={draft} update={update} />
      {locked ? (
        <CardFilledFields {...{ draft, update, issueFor }} />
      ) : (
        <>
          <Field id="document-kind" label={t('kiosk:identity.documentKind')} issue={issueFor('person.document.kind')}>
            <DocumentKindSelect id="document-kind" value={draft.documentKind} onChange={(documentKind) => update({ documentKind, documentKindChosen: true })} />
          </Field>
          <Field
            id="document-number"
            label={t('kiosk:identity.documentNumber')}
            hint={draft.documentKind === 'resident_id' ? t('kiosk:identity.documentNumberHint') : undefined}
            issue={issueFor('person.document.number')}
          >
            <KeypadInput
              id="document-number"
              keys={documentNumberKeys(draft.documentKind)}
              value={draft.documentNumber}
              onChange={(event) => onNumber(event.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              {...invalidProps('document-number-error', issueFor('person.document.number'))}
            />
          </Field>
          {numberCarriesBirthDate(draft.documentKind) ? <DerivedDetails {...{ draft, update, issueFor }} /> : <TypedDetails {...{ draft, update, issueFor }} />}
        </>
      )}
      <EligibilityIssues issueFor={issueFor} />
      {locked ? null : (
        <>
          <Field id="person-name" label={t('kiosk:identity.name')} hint={t('kiosk:identity.nameHint')} issue={issueFor('person.name')}>
            <input
              id="person-name"
              value={draft.name}
              onChange={(event) => update({ name: event.target.value })}
              autoComplete="off"
              spellCheck={false}
              {...invalidProps('person-name-error', issueFor('person.name'))}
            />
          </Field>
          {draft.documentKind === 'resident_id' ? <EthnicGroupField {...{ draft, update, issueFor }} /> : null}
        </>
      )}
      <Field
        id="person-phone"
        label={t('kiosk:identity.phone')}
        hint={draft.documentKind === 'resident_id' ? t('kiosk:identity.phoneHintMainland') : t('kiosk:identity.phoneHintOther')}
        issue={issueFor('person.phone')}
      >
        <KeypadInput
          id="person-phone"
          keys="digits"
          type="tel"
          inputMode="tel"
          value={draft.phone}
          onChange={(event) => update({ phone: event.target.value })}
          autoComplete="off"
          {...invalidProps('person-phone-error', issueFor('person.phone'))}
        />
      </Field>
    </>
  );
}

/** Birth date and sex as the number says them, read-only: they cannot disagree with the document. */
function DerivedDetails({ draft, issueFor }: StepProps) {
  const { t } = useT();
  const formatDate = useFormatDate('long');
  const derived = derivedDetails(draft);
  return (
    <div className="registration__derived" data-testid="derived-details" aria-live="polite">
      <strong>{t('kiosk:identity.derivedTitle')}</strong>
      {derived ? (
        <dl>
          <dt>{t('kiosk:identity.birthDate')}</dt>
          <dd data-testid="derived-birth-date">{formatDate(derived.birthDate)}</dd>
          <dt>{t('kiosk:identity.sex')}</dt>
          <dd data-testid="derived-sex">{t(`registration:sex.${derived.sex}`)}</dd>
        </dl>
      ) : (
        <p className="field__hint">{t('kiosk:identity.derivedPending')}</p>
      )}
      <IssueMessage className="registration__issue" focusable issue={issueFor('person.birthDate') ?? issueFor('person.sex')} />
    </div>
  );
}

/** Passports, travel permits and 2017 cards: the person types the birth date and chooses the sex. */
function TypedDetails({ draft, update, issueFor }: StepProps) {
  const { t } = useT();
  return (
    <div className="registration__typed">
      <p className="field__hint">{t('kiosk:identity.typedHint')}</p>
      <Field id="person-birth-date" label={t('kiosk:identity.birthDate')} issue={issueFor('person.birthDate')}>
        <input
          id="person-birth-date"
          type="date"
          min="1900-01-01"
          max={localToday()}
          value={draft.birthDate}
          onChange={(event) => update({ birthDate: event.target.value })}
          autoComplete="off"
          {...invalidProps('person-birth-date-error', issueFor('person.birthDate'))}
        />
      </Field>
      <ChoiceGroup
        name="person-sex"
        type="radio"
        legend={t('kiosk:identity.sex')}
        issue={issueFor('person.sex')}
        options={(['male', 'female'] as const).map((sex) => ({ value: sex, label: t(`registration:sex.${sex}`) }))}
        isChecked={(sex) => draft.sex === sex}
        onToggle={(sex) => update({ sex })}
      />
    </div>
  );
}

function EthnicGroupField({ draft, update, issueFor }: StepProps) {
  const { t } = useT();
  const issue = issueFor('person.ethnicGroup');
  return (
    <Field id="person-ethnic-group" label={t('kiosk:identity.ethnicGroup')} issue={issue}>
      <EthnicGroupSelect
        id="person-ethnic-group"
        value={draft.ethnicGroup}
        onChange={(ethnicGroup) => update({ ethnicGroup })}
        {...invalidProps('person-ethnic-group-error', issue)}
      />
    </Field>
  );
}

/** Age refusals: one line per reason (under 18 applies to every program alike). */
function EligibilityIssues({ issueFor }: Pick<StepProps, 'issueFor'>) {
  const issues = programs.map((program) => issueFor(program)).filter((issue) => issue !== undefined);
  const distinct = issues.filter((issue, index) => issues.findIndex((other) => other.reason === issue.reason) === index);
  if (distinct.length === 0) return null;
  return (
    <div className="registration__eligibility">
      {distinct.map((issue) => (
        <IssueMessage key={issue.reason} as="p" className="registration__issue" focusable issue={issue} />
      ))}
    </div>
  );
}
