import { useCallback, useState } from 'react';
import { call } from '../../api/client';
import { useConfirmedAction } from '../../hooks/useConfirmedAction';
import { ReasonActionForm } from '../../components/ReasonActionForm';
import type { SessionView } from './types';

interface CancelSessionFormProps {
  session: SessionView;
  onDone: (session: SessionView) => void;
  onCancel: () => void;
}

/** Cancels a session that has not started, with the reason; final, so it asks once more. */
export function CancelSessionForm({ session, onDone, onCancel }: CancelSessionFormProps) {
  const [reason, setReason] = useState('');
  const cancelSession = useCallback(
    () => call('education:cancel', { sessionId: session.id, version: session.version, reason }),
    [session.id, session.version, reason],
  );
  const action = useConfirmedAction(cancelSession, onDone);

  return (
    <ReasonActionForm
      id="cancel-session"
      texts="sessions:cancel"
      textValues={{ title: session.title }}
      action={action}
      reason={reason}
      onReasonChange={setReason}
      onCancel={onCancel}
    />
  );
}
