import { useContext } from 'react';
import { useT } from '../../i18n/index';
import { AudienceContext } from '../../audience';
import { programs, type Program } from '../../../shared/domain/programs';
import { ChoiceGroup } from './ChoiceGroup';
import { orderedPrograms, type RegistrationOptions, type StepProps } from './draft';

interface ProgramsStepProps extends StepProps {
  options: RegistrationOptions;
  /** Programs the station refused as already registered for this person. */
  registered: readonly Program[];
}

/** Step 1: which programs to register; several at once, each becomes its own record. */
export function ProgramsStep({ draft, update, issueFor, options, registered }: ProgramsStepProps) {
  const { t } = useT();
  // Staff at the desk change a registration themselves; a visitor is sent to them.
  const staff = useContext(AudienceContext) === 'staff';
  const stillChosen = orderedPrograms(registered.filter((program) => draft.programs.includes(program)));
  const choices = programs.map((program) => ({
    value: program,
    label: t(`registration:program.${program}`),
    hint: t(`registration:programHint.${program}`, { min: options.stemCellMinAge, max: options.stemCellMaxAge }),
  }));
  const toggle = (program: Program, checked: boolean) =>
    update({ programs: orderedPrograms(checked ? [...draft.programs, program] : draft.programs.filter((each) => each !== program)) });
  return (
    <>
      {stillChosen.length > 0 ? (
        <p className="registration__notice" data-testid="already-registered">
          {t(staff ? 'kiosk:programs.alreadyRegisteredStaff' : 'kiosk:programs.alreadyRegistered', {
            programs: stillChosen.map((program) => t(`registration:program.${program}`)).join(t('kiosk:review.listSeparator')),
          })}
        </p>
      ) : null}
      <ChoiceGroup
        name="programs"
        type="checkbox"
        tiles
        legend={t('kiosk:programs.legend')}
        options={choices}
        issue={issueFor('programs')}
        isChecked={(program) => draft.programs.includes(program)}
        onToggle={toggle}
      />
    </>
  );
}
