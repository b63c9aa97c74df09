import { useState, type ComponentType } from 'react';
import { useT } from '../../i18n/index';
import { aidStepRoles, type AidStep } from '../../../shared/domain/aid';
import type { Role } from '../../../shared/domain/roles';
import { useFormatDate } from '../../hooks/useFormatDate';
import { useRoleName } from '../../hooks/useRoleName';
import { DecideForm } from './steps/DecideForm';
import { NoticeForm } from './steps/NoticeForm';
import { ObjectionForm } from './steps/ObjectionForm';
import { PayForm } from './steps/PayForm';
import { ProposeForm } from './steps/ProposeForm';
import { ReviewForm } from './steps/ReviewForm';
import type { StepFormProps } from './steps/step-form';
import type { AidCase, OnStepTaken } from './types';

/** The form of each step that follows the application. */
const stepForms: { readonly [S in Exclude<AidStep, 'application'>]: ComponentType<StepFormProps> } = {
  review: ReviewForm,
  proposal: ProposeForm,
  decision: DecideForm,
  notice: NoticeForm,
  objection: ObjectionForm,
  payment: PayForm,
};

function mayTake(role: Role, step: AidStep): boolean {
  return (aidStepRoles[step] as readonly Role[]).includes(role);
}

interface NextStepPanelProps {
  aidCase: AidCase;
  role: Role;
  onDone: OnStepTaken;
}

/**
 * The one step the case waits for, offered only to a role that may take it; any other role reads who
 * takes it. While the case is on public notice, an objection may be recorded beside the payment.
 */
export function NextStepPanel({ aidCase, role, onDone }: NextStepPanelProps) {
  const { t } = useT();
  const roleName = useRoleName();
  const formatDate = useFormatDate();
  const [open, setOpen] = useState<Exclude<AidStep, 'application'> | null>(null);
  const next = aidCase.nextStep;

  if (next === null || next === 'application') {
    return (
      <section className="aid-next" aria-labelledby="aid-next-title" data-testid="aid-next">
        <h2 id="aid-next-title">{t('aidDesk:next.title')}</h2>
        <p>{aidCase.state === 'paid' ? t('aidDesk:next.finishedPaid') : t('aidDesk:next.finishedRejected')}</p>
      </section>
    );
  }

  const rolesOf = (step: AidStep) => aidStepRoles[step].map(roleName).join(t('aidDesk:next.rolesJoin'));
  const offered = [next, ...(next === 'payment' ? (['objection'] as const) : [])].filter((step) => mayTake(role, step));
  const Form = open === null ? null : stepForms[open];
  const done: OnStepTaken = (updated, step) => {
    setOpen(null);
    onDone(updated, step);
  };

  return (
    <section className="aid-next" aria-labelledby="aid-next-title" data-testid="aid-next">
      <h2 id="aid-next-title">{t('aidDesk:next.title')}</h2>
      <p>{t('aidDesk:next.waitsFor', { step: t(`aid:step.${next}`), roles: rolesOf(next) })}</p>
      {next === 'payment' && aidCase.noticeTo !== null ? <p data-testid="aid-notice-running">{t('aidDesk:next.noticeRunning', { to: formatDate(aidCase.noticeTo) })}</p> : null}
      {!mayTake(role, next) ? (
        <p className="aid-next__not-yours" data-testid="aid-next-not-yours">
          {t('aidDesk:next.notYours', { roles: rolesOf(next) })}
        </p>
      ) : null}
      {Form ? (
        <Form aidCase={aidCase} onDone={done} onCancel={() => setOpen(null)} />
      ) : (
        <div className="actions">
          {offered.map((step) => (
            <button key={step} type="button" className={step === next ? 'primary' : undefined} onClick={() => setOpen(step)}>
              {step === 'objection' ? t('aidDesk:next.objectionOpen') : t('aidDesk:next.open', { step: t(`aid:step.${step}`) })}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
