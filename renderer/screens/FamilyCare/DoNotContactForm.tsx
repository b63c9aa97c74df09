import { useCallback, useState } from 'react';
import { call, checkInput } from '../../api/client';
import { ReasonActionForm } from '../../components/ReasonActionForm';
import { useConfirmedAction } from '../../hooks/useConfirmedAction';
import type { Family, OnFamilyChanged } from './types';

interface DoNotContactFormProps {
  family: Family;
  onChanged: OnFamilyChanged;
  onCancel: () => void;
}

/**
 * The family asks not to be contacted (every scheduled step stops), or asks again to be contacted. Either
 * way with the reason the station keeps sealed, and the question asked once more.
 */
export function DoNotContactForm({ family, onChanged, onCancel }: DoNotContactFormProps) {
  const [reason, setReason] = useState('');
  const doNotContact = !family.doNotContact;
  const input = { familyId: family.id, doNotContact, reason };
  const change = useCallback(() => call('family:setDoNotContact', { familyId: family.id, doNotContact, reason }), [family.id, doNotContact, reason]);
  const onDone = useCallback((updated: Family) => onChanged(updated, doNotContact ? 'doNotContactSet' : 'doNotContactCleared'), [onChanged, doNotContact]);
  const action = useConfirmedAction(change, onDone, () => checkInput('family:setDoNotContact', input));
  return (
    <ReasonActionForm
      id="do-not-contact"
      texts={doNotContact ? 'familyDesk:doNotContactSet' : 'familyDesk:doNotContactClear'}
      action={action}
      reason={reason}
      onReasonChange={setReason}
      onCancel={onCancel}
    />
  );
}
