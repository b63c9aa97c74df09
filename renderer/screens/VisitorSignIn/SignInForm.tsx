import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import {
  kioskPartySizes,
  MAX_MESSAGE_LENGTH,
  visitorRelations,
  visitPurposes,
  type VisitorRelation,
  type VisitPurpose,
} from '../../../shared/domain/visitors';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { IssueMessage } from '../../components/IssueMessage';
import { KeypadInput } from '../../components/NumericKeypad';
import { useSubmit } from '../../hooks/useSubmit';
import { typedWholeNumber } from '../../hooks/useFormText';

export type SignedIn = CallOutput<'visitor:signIn'>;

/** `more` means the party is larger than the big buttons and types its number. */
type SizeChoice = `${(typeof kioskPartySizes)[number]}` | 'more' | '';

/** Fields kept behind "more details": opened by themselves when one of them is refused. */
const EXTRA_FIELDS = ['visitorName', 'relation', 'groupName', 'message'];

interface SignInFormProps {
  /** Purpose chosen before the visitor touches anything (Qingming on peak days). */
  initialPurpose: VisitPurpose | '';
  /** The visitor has started filling in the form: from now on an idle kiosk wipes it. */
  onInUse: () => void;
  onSignedIn: (signedIn: SignedIn) => void;
}

function partySizeOf(choice: SizeChoice, more: string): number {
  if (choice === '') return Number.NaN;
  if (choice === 'more') return typedWholeNumber(more);
  return Number(choice);
}

/**
 * The memorial sign-in in three taps: party size, purpose, sign in. Name, relation to a donor, group
 * and a message for the wall are optional and folded away.
 */
export function SignInForm({ initialPurpose, onInUse, onSignedIn }: SignInFormProps) {
  const { t } = useT();
  const [sizeChoice, setSizeChoice] = useState<SizeChoice>('');
  const [moreSize, setMoreSize] = useState('');
  const [purpose, setPurpose] = useState<VisitPurpose | ''>(initialPurpose);
  const [extrasOpen, setExtrasOpen] = useState(false);
  const [visitorName, setVisitorName] = useState('');
  const [relation, setRelation] = useState<VisitorRelation | ''>('');
  const [groupName, setGroupName] = useState('');
  const [message, setMessage] = useState('');
  const [invitationCode, setInvitationCode] = useState('');

  const action = useCallback(
    () =>
      call('visitor:signIn', {
        partySize: partySizeOf(sizeChoice, moreSize),
        purpose: purpose as VisitPurpose,
        visitorName,
        relation: relation === '' ? null : relation,
        groupName,
        message,
        invitationCode,
      }),
    [sizeChoice, moreSize, purpose, visitorName, relation, groupName, message, invitationCode],
  );
  const form = useSubmit(action, onSignedIn);

  const extraRefused = form.issues.some((issue) => EXTRA_FIELDS.includes(issue.path));
  useEffect(() => {
    if (extraRefused) setExtrasOpen(true);
  }, [extraRefused]);

  const messageLength = Array.from(message).length;
  const sizeIssue = form.issueFor('partySize');
  const purposeIssue = form.issueFor('purpose');

  return (
    <section className="panel memorial-kiosk" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('memorial:signIn.title')}</h1>
      <p className="lead">{t('memorial:signIn.intro')}</p>
      <form onSubmit={form.onSubmit} onChange={onInUse} noValidate>
        <fieldset className={sizeIssue ? 'field field--invalid' : 'field'}>
          <legend>{t('memorial:signIn.partySize')}</legend>
          <div className="big-choices">
            {kioskPartySizes.map((size) => (
              <label key={size} className="big-choice">
                <input
                  type="radio"
                  name="party-size"
                  value={size}
                  checked={sizeChoice === String(size)}
                  onChange={() => setSizeChoice(String(size) as SizeChoice)}
                />
                {size}
              </label>
            ))}
            <label className="big-choice">
              <input type="radio" name="party-size" value="more" checked={sizeChoice === 'more'} onChange={() => setSizeChoice('more')} />
              {t('memorial:signIn.more')}
            </label>
          </div>
          {sizeChoice === 'more' ? (
            <Field id="party-size-more" label={t('memorial:signIn.moreSize')} hint={t('memorial:signIn.moreSizeHint')}>
              <KeypadInput
                id="party-size-more"
                keys="digits"
                inputMode="numeric"
                value={moreSize}
                onChange={(e) => setMoreSize(e.target.value)}
                autoComplete="off"
                autoFocus
              />
            </Field>
          ) : null}
          <IssueMessage issue={sizeIssue} />
        </fieldset>

        <fieldset className={purposeIssue ? 'field field--invalid' : 'field'}>
          <legend>{t('memorial:signIn.purpose')}</legend>
          <div className="big-choices big-choices--wide">
            {visitPurposes.map((p) => (
              <label key={p} className="big-choice">
                <input type="radio" name="purpose" value={p} checked={purpose === p} onChange={() => setPurpose(p)} />
                {t(`memorial:purpose.${p}`)}
              </label>
            ))}
          </div>
          <IssueMessage issue={purposeIssue} />
        </fieldset>

        <Field id="invitation-code" label={t('familyDesk:kiosk.invitationCode')} hint={t('familyDesk:kiosk.invitationCodeHint')} issue={form.issueFor('invitationCode')}>
          <input
            id="invitation-code"
            className="memorial-kiosk__code"
            value={invitationCode}
            onChange={(e) => setInvitationCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
        </Field>

        <details open={extrasOpen} onToggle={(e) => setExtrasOpen(e.currentTarget.open)}>
          <summary>{t('memorial:signIn.extras')}</summary>
          <div className="memorial-kiosk__extras">
            <Field id="visitor-name" label={t('memorial:signIn.name')} hint={t('memorial:signIn.nameHint')} issue={form.issueFor('visitorName')}>
              <input id="visitor-name" value={visitorName} onChange={(e) => setVisitorName(e.target.value)} autoComplete="off" />
            </Field>
            <fieldset className={form.issueFor('relation') ? 'field field--invalid' : 'field'}>
              <legend>{t('memorial:signIn.relation')}</legend>
              <div className="choices">
                {visitorRelations.map((r) => (
                  <label key={r} className="choice">
                    <input type="radio" name="relation" value={r} checked={relation === r} onChange={() => setRelation(r)} />
                    {t(`memorial:relation.${r}`)}
                  </label>
                ))}
              </div>
              <IssueMessage issue={form.issueFor('relation')} />
            </fieldset>
            <Field id="group-name" label={t('memorial:signIn.groupName')} hint={t('memorial:signIn.groupNameHint')} issue={form.issueFor('groupName')}>
              <input id="group-name" value={groupName} onChange={(e) => setGroupName(e.target.value)} autoComplete="off" />
            </Field>
            <Field id="visitor-message" label={t('memorial:signIn.message')} hint={t('memorial:signIn.messageHint')} issue={form.issueFor('message')}>
              <textarea id="visitor-message" value={message} onChange={(e) => setMessage(e.target.value)} rows={4} />
            </Field>
            <small className="memorial-kiosk__counter" data-testid="message-length" aria-live="polite">
              {t('memorial:signIn.messageLength', { length: messageLength, max: MAX_MESSAGE_LENGTH })}
            </small>
          </div>
        </details>

        <ErrorBanner code={form.errorCode} />
        <button type="submit" className="primary memorial-kiosk__submit" disabled={form.busy}>
          {t('memorial:signIn.submit')}
        </button>
      </form>
    </section>
  );
}
