import { useCallback } from 'react';
import { IssueMessage } from '../../components/IssueMessage';
import { SignaturePad } from '../../components/SignaturePad';
import type { StepProps } from './draft';

/** Step: the person signs on screen; the drawing travels with the registration as a PNG. */
export function SignatureStep({ draft, update, issueFor }: StepProps) {
  const issue = issueFor('signature');
  const onChange = useCallback((signature: string | null) => update({ signature }), [update]);
  return (
    <div className={issue ? 'field field--invalid' : 'field'}>
      <SignaturePad id="signature" value={draft.signature} onChange={onChange} invalid={issue !== undefined} errorId="signature-error" />
      <IssueMessage id="signature-error" issue={issue} />
    </div>
  );
}
