import { useT } from '../../../i18n/index';
import { Field } from '../../../components/Field';
import { EthnicGroupSelect } from '../../../components/PersonFields';
import { useEthnicGroupName } from '../../../hooks/useEthnicGroupName';
import { useFormatDate } from '../../../hooks/useFormatDate';
import { invalidProps } from '../ChoiceGroup';
import type { StepProps } from '../draft';

interface ReadOnlyFieldProps {
  id: string;
  label: string;
  value: string;
  issue: ReturnType<StepProps['issueFor']>;
}

/** One of the card's fields: shown as the card gives it, selectable but not editable. */
function ReadOnlyField({ id, label, value, issue }: ReadOnlyFieldProps) {
  return (
    <Field id={id} label={label} issue={issue}>
      <input id={id} value={value} readOnly {...invalidProps(`${id}-error`, issue)} />
    </Field>
  );
}

/**
 * The identity fields a card filled, locked: document kind, number, name, sex, birth date and ethnic
 * group, under a "from the ID card" badge. A refusal still shows at its field (staff then open the
 * fields, a visitor reads another card or types). A resident card without a listed ethnic group leaves
 * that one field to choose.
 */
export function CardFilledFields({ draft, update, issueFor }: StepProps) {
  const { t } = useT();
  const formatDate = useFormatDate('long');
  const ethnicGroupName = useEthnicGroupName();
  const ethnicIssue = issueFor('person.ethnicGroup');
  return (
    <fieldset className="id-card-fields" data-testid="card-fields">
      <legend>
        <span className="id-card-badge" data-testid="card-badge">
          {t('idCard:fromCard')}
        </span>
      </legend>
      <ReadOnlyField
        id="document-kind"
        label={t('kiosk:identity.documentKind')}
        value={t(`registration:documentKind.${draft.documentKind}`)}
        issue={issueFor('person.document.kind')}
      />
      <ReadOnlyField id="document-number" label={t('kiosk:identity.documentNumber')} value={draft.documentNumber} issue={issueFor('person.document.number')} />
      <ReadOnlyField id="person-name" label={t('kiosk:identity.name')} value={draft.name} issue={issueFor('person.name')} />
      <ReadOnlyField id="person-sex" label={t('kiosk:identity.sex')} value={draft.sex === '' ? '' : t(`registration:sex.${draft.sex}`)} issue={issueFor('person.sex')} />
      <ReadOnlyField id="person-birth-date" label={t('kiosk:identity.birthDate')} value={draft.birthDate === '' ? '' : formatDate(draft.birthDate)} issue={issueFor('person.birthDate')} />
      {draft.documentKind !== 'resident_id' ? null : draft.card?.ethnicGroupFromCard ? (
        <ReadOnlyField id="person-ethnic-group" label={t('kiosk:identity.ethnicGroup')} value={ethnicGroupName(draft.ethnicGroup)} issue={ethnicIssue} />
      ) : (
        <Field id="person-ethnic-group" label={t('kiosk:identity.ethnicGroup')} hint={t('idCard:panel.ethnicGroupMissing')} issue={ethnicIssue}>
          <EthnicGroupSelect
            id="person-ethnic-group"
            value={draft.ethnicGroup}
            onChange={(ethnicGroup) => update({ ethnicGroup })}
            {...invalidProps('person-ethnic-group-error', ethnicIssue)}
          />
        </Field>
      )}
    </fieldset>
  );
}
