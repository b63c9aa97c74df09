import type { ReactNode } from 'react';
import { useT, type LocaleSection } from '../i18n/index';
import type { ConfirmedAction } from '../hooks/useConfirmedAction';
import { ActionForm } from './ActionForm';
import { ConfirmPrompt } from './ConfirmPrompt';

/** The keys a final action's locale section holds: the form's title, intro and button, and the final question. */
export type ConfirmedActionKey = 'title' | 'intro' | 'submit' | 'confirm' | 'confirmYes' | 'confirmNo';

interface ConfirmedActionFormProps {
  /** Names the form's elements: `${id}-form`, `${id}-title`, `${id}-confirm-text`. */
  id: string;
  /** The locale section of the texts, e.g. `documentDesk:void`. */
  texts: LocaleSection<ConfirmedActionKey>;
  /** The values the texts name, e.g. the copy's serial in the title and the question. */
  textValues?: Record<string, string>;
  action: ConfirmedAction;
  onCancel: () => void;
  children: ReactNode;
}

/** A final action's form: its fields, then the submit button that asks once more before the call runs. */
export function ConfirmedActionForm({ id, texts, textValues, action, onCancel, children }: ConfirmedActionFormProps) {
  const { t } = useT();
  return (
    <ActionForm
      id={id}
      title={t(`${texts}.title`, textValues)}
      intro={t(`${texts}.intro`, textValues)}
      onSubmit={action.ask}
      busy={action.busy}
      errorCode={action.errorCode}
      submitLabel={t(`${texts}.submit`)}
      onCancel={onCancel}
      footer={
        action.confirming ? (
          <ConfirmPrompt
            id={id}
            text={t(`${texts}.confirm`, textValues)}
            yes={t(`${texts}.confirmYes`)}
            no={t(`${texts}.confirmNo`)}
            onYes={action.confirm}
            onNo={action.cancel}
          />
        ) : undefined
      }
    >
      {children}
    </ActionForm>
  );
}
