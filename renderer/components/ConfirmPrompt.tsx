import { useState, type FormEvent } from 'react';

/**
 * A final action asks once more before it runs: the form's submit only opens the question, and the
 * call runs when the question is answered yes.
 */
export function useConfirmStep(submit: () => Promise<void>) {
  const [confirming, setConfirming] = useState(false);
  return {
    confirming,
    ask: (event: FormEvent) => {
      event.preventDefault();
      setConfirming(true);
    },
    confirm: () => {
      setConfirming(false);
      void submit();
    },
    cancel: () => setConfirming(false),
  };
}

interface ConfirmPromptProps {
  id: string;
  text: string;
  yes: string;
  no: string;
  onYes: () => void;
  onNo: () => void;
}

/** The question of {@link useConfirmStep}, with a dangerous yes and a safe no. */
export function ConfirmPrompt({ id, text, yes, no, onYes, onNo }: ConfirmPromptProps) {
  return (
    <div className="confirm" role="alertdialog" aria-labelledby={`${id}-confirm-text`}>
      <p id={`${id}-confirm-text`}>{text}</p>
      <div className="actions">
        <button type="button" className="danger" onClick={onYes}>
          {yes}
        </button>
        <button type="button" onClick={onNo}>
          {no}
        </button>
      </div>
    </div>
  );
}
