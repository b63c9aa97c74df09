import { useCallback, useState } from 'react';
import { call } from '../../api/client';
import { useConfirmedAction } from '../../hooks/useConfirmedAction';
import { ReasonActionForm } from '../../components/ReasonActionForm';
import type { DocumentView, OnDocumentDone } from './types';

interface VoidFormProps {
  document: DocumentView;
  onDone: OnDocumentDone;
  onCancel: () => void;
}

/** Voids a copy with the reason; final, so it asks once more. */
export function VoidForm({ document, onDone, onCancel }: VoidFormProps) {
  const [reason, setReason] = useState('');
  const voidDocument = useCallback(() => call('documents:void', { documentId: document.id, reason }), [document.id, reason]);
  const done = useCallback((voided: DocumentView) => onDone({ action: 'void', serial: voided.serial }), [onDone]);
  const action = useConfirmedAction(voidDocument, done);

  return (
    <ReasonActionForm
      id="void"
      texts="documentDesk:void"
      textValues={{ serial: document.serial }}
      action={action}
      reason={reason}
      onReasonChange={setReason}
      onCancel={onCancel}
    />
  );
}
