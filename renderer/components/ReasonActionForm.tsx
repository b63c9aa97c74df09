import type { ReactNode } from 'react';
import { useT, type LocaleSection } from '../i18n/index';
import type { ConfirmedAction } from '../hooks/useConfirmedAction';
import { ConfirmedActionForm, type ConfirmedActionKey } from './ConfirmedActionForm';
import { Field } from './Field';

interface ReasonActionFormProps {
  /** Names the form's elements, the reason's input `${id}-reason` among them. */
  id: string;
  /** The locale section of the texts, the reason's label (`reason`) among them, e.g. `documentDesk:void`. */
  texts: LocaleSection<ConfirmedActionKey | 'reason'>;
  /** The values the texts name, e.g. the copy's serial in the title and the question. */
  textValues?: Record<string, string>;
  action: ConfirmedAction;
  reason: string;
  onReasonChange: (reason: string) => void;
  onCancel: () => void;
  /** Fields the action needs before the reason, e.g. the person's document to compare. */
  children?: ReactNode;
  /** What follows the reason, e.g. a statement to tick. */
  afterReason?: ReactNode;
}

/**
 * A final action taken with a reason the station keeps (voiding a copy, withdrawing a registration or a
 * consent, cancelling a session): the reason's field with the station's refusal under it, then the
 * question asked once more.
 */
export function ReasonActionForm({ id, texts, textValues, action, reason, onReasonChange, onCancel, children, afterReason }: ReasonActionFormProps) {
  const { t } = useT();
  const reasonId = `${id}-reason`;
  return (
    <ConfirmedActionForm id={id} texts={texts} textValues={textValues} action={action} onCancel={onCancel}>
      {children}
      <Field id={reasonId} label={t(`${texts}.reason`)} issue={action.issueFor('reason')}>
        <input id={reasonId} value={reason} onChange={(e) => onReasonChange(e.target.value)} autoComplete="off" />
      </Field>
      {afterReason}
    </ConfirmedActionForm>
  );
}
