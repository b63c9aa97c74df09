import { useT } from '../../i18n/index';
import { bloodTypes, organs, type Organ } from '../../../shared/domain/programs';
import { Field } from '../../components/Field';
import { IssueMessage } from '../../components/IssueMessage';
import { KeypadInput } from '../../components/NumericKeypad';
import { ChoiceGroup, invalidProps } from './ChoiceGroup';
import type { ContactDraft, StepProps } from './draft';

/** Step 3 (only for organ and stem-cell programs): which organs; the stem-cell volunteer's details. */
export function ChoicesStep(props: StepProps) {
  return (
    <>
      {props.draft.programs.includes('organ') ? <OrganChoice {...props} /> : null}
      {props.draft.programs.includes('stem_cell') ? <StemCellChoice {...props} /> : null}
    </>
  );
}

function OrganChoice({ draft, update, issueFor }: StepProps) {
  const { t } = useT();
  const issue = issueFor('organ.organs');
  const toggleOrgan = (organ: Organ, checked: boolean) =>
    update({ organs: checked ? [...draft.organs, organ] : draft.organs.filter((each) => each !== organ) });
  return (
    <fieldset className="form-section">
      <legend>{t('registration:program.organ')}</legend>
      <ChoiceGroup
        name="organ-scope"
        type="radio"
        legend={t('kiosk:choices.organScope')}
        issue={draft.organScope === 'selected' ? undefined : issue}
        options={(['all', 'selected'] as const).map((scope) => ({ value: scope, label: t(`registration:organScope.${scope}`) }))}
        isChecked={(scope) => draft.organScope === scope}
        onToggle={(organScope) => update({ organScope })}
      />
      {draft.organScope === 'selected' ? (
        <ChoiceGroup
          name="organs"
          type="checkbox"
          legend={t('kiosk:choices.organsPick')}
          issue={issue}
          options={organs.map((organ) => ({ value: organ, label: t(`registration:organ.${organ}`) }))}
          isChecked={(organ) => draft.organs.includes(organ)}
          onToggle={toggleOrgan}
        />
      ) : null}
    </fieldset>
  );
}

function StemCellChoice({ draft, update, issueFor }: StepProps) {
  const { t } = useT();
  return (
    <fieldset className="form-section">
      <legend>{t('kiosk:choices.stemCell')}</legend>
      <ChoiceGroup
        name="health-screen"
        type="radio"
        legend={t('kiosk:choices.healthScreen')}
        hint={t('kiosk:choices.healthScreenHint')}
        issue={issueFor('stem_cell.healthScreenPassed')}
        options={[
          { value: 'yes', label: t('kiosk:choices.healthYes') },
          { value: 'no', label: t('kiosk:choices.healthNo') },
        ]}
        isChecked={(answer) => draft.healthScreen === answer}
        onToggle={(healthScreen) => update({ healthScreen })}
      />
      <ChoiceGroup
        name="blood-type"
        type="radio"
        legend={t('kiosk:choices.bloodType')}
        issue={issueFor('stem_cell.bloodType')}
        options={bloodTypes.map((type) => ({ value: type, label: t(`registration:bloodType.${type}`) }))}
        isChecked={(type) => draft.bloodType === type}
        onToggle={(bloodType) => update({ bloodType })}
      />
      <EmergencyContacts {...{ draft, update, issueFor }} />
    </fieldset>
  );
}

function EmergencyContacts({ draft, update, issueFor }: StepProps) {
  const { t } = useT();
  const change = (index: number, patch: Partial<ContactDraft>) => {
    const [first, second] = draft.contacts;
    update({ contacts: index === 0 ? [{ ...first, ...patch }, second] : [first, { ...second, ...patch }] });
  };
  return (
    <div className="registration__contacts">
      <strong>{t('kiosk:choices.contacts')}</strong>
      <small className="field__hint">{t('kiosk:choices.contactsHint')}</small>
      <IssueMessage className="registration__issue" focusable issue={issueFor('stem_cell.emergencyContacts')} />
      {draft.contacts.map((contact, index) => {
        const key = (field: string) => `stem_cell.emergencyContacts.${index}.${field}`;
        const id = (field: string) => `contact-${index}-${field}`;
        return (
          <fieldset key={index} className="form-section registration__contact">
            <legend>{t('kiosk:choices.contact', { number: index + 1 })}</legend>
            <Field id={id('name')} label={t('kiosk:choices.contactName')} issue={issueFor(key('name'))}>
              <input
                id={id('name')}
                value={contact.name}
                onChange={(event) => change(index, { name: event.target.value })}
                autoComplete="off"
                spellCheck={false}
                {...invalidProps(`${id('name')}-error`, issueFor(key('name')))}
              />
            </Field>
            <ChoiceGroup
              name={id('relation')}
              type="radio"
              legend={t('kiosk:choices.contactRelation')}
              issue={issueFor(key('relation'))}
              options={(['relative', 'friend'] as const).map((relation) => ({ value: relation, label: t(`registration:contactRelation.${relation}`) }))}
              isChecked={(relation) => contact.relation === relation}
              onToggle={(relation) => change(index, { relation })}
            />
            <Field id={id('phone')} label={t('kiosk:choices.contactPhone')} issue={issueFor(key('phone'))}>
              <KeypadInput
                id={id('phone')}
                keys="digits"
                type="tel"
                inputMode="tel"
                value={contact.phone}
                onChange={(event) => change(index, { phone: event.target.value })}
                autoComplete="off"
                {...invalidProps(`${id('phone')}-error`, issueFor(key('phone')))}
              />
            </Field>
          </fieldset>
        );
      })}
    </div>
  );
}
