import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import type { Program } from '../../../shared/domain/programs';
import { asLanguage } from '../../../shared/i18n/languages';
import { asApiError, call } from '../../api/client';
import { ConfirmPrompt } from '../../components/ConfirmPrompt';
import { useLeaveGuard, type LeaveGuard } from '../../hooks/useLeaveGuard';
import { useReleaseCardsOnLeave } from './card/useCardReader';
import { ChoicesStep } from './ChoicesStep';
import { ConsentsStep } from './ConsentsStep';
import { DoneStep } from './DoneStep';
import { emptyDraft, orderedPrograms, stepsFor, toCreateInput, type Created, type Draft, type RegistrationOptions, type Step } from './draft';
import { HeardFromStep } from './HeardFromStep';
import { IdentityStep } from './IdentityStep';
import { checkStep, keyOfServerPath, programsAt, stepOfKey, type Issue } from './issues';
import { ProgramsStep } from './ProgramsStep';
import { ReviewStep } from './ReviewStep';
import { SeeStaffNotice } from './SeeStaffNotice';
import { SignatureStep } from './SignatureStep';
import { StepFrame } from './StepFrame';

interface RegistrationFlowProps {
  options: RegistrationOptions;
  /** Told whether anything of a visitor is on screen, so that the idle clock runs only then. */
  onInUse: (inUse: boolean) => void;
  /** The visitor is done: forget everything (the screen mounts a fresh flow). */
  onFinish: () => void;
  /** The previous visitor's entries were wiped for inactivity; said on the first step. */
  wiped: boolean;
}

/** Where each step's own issue (one no field of it shows) is kept. */
const stepIssueKey: Partial<Record<Step, string>> = { identity: 'person', choices: 'choices', consents: 'consents', heardFrom: 'heardFrom', review: 'review' };

/**
 * The registration, step by step. Everything the person enters lives in this component's state only:
 * nothing goes into the URL, the history or storage, so remounting it (a new React key) forgets the
 * visitor completely.
 */
export function RegistrationFlow({ options, onInUse, onFinish, wiped }: RegistrationFlowProps) {
  const { t, i18n } = useT();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [step, setStep] = useState<Step>('programs');
  const [issues, setIssues] = useState<Issue[]>([]);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  /** Programs the station already holds an active registration of for this person. */
  const [registered, setRegistered] = useState<Program[]>([]);
  /** The kiosk was told to send the visitor to staff: said kindly, with no reason given. */
  const [seeStaff, setSeeStaff] = useState(false);
  /** Bumped on every refusal, so that the step moves the focus to the first field at fault. */
  const [attention, setAttention] = useState(0);

  // Finishing, the idle wipe and leaving all unmount the flow: the station then forgets the cards read for it.
  useReleaseCardsOnLeave();

  const inUse = step !== 'programs' || draft.programs.length > 0;
  useEffect(() => onInUse(inUse), [inUse, onInUse]);

  // The header's "home" asks first while a visitor's entries would be lost (a tap on it may be a
  // mistake); once registered, or sent to staff, there is nothing to lose. Leaving discards everything.
  const [leaving, setLeaving] = useState<{ leave: () => void } | null>(null);
  const askBeforeLeaving = useCallback<LeaveGuard>((leave) => {
    setLeaving({ leave });
    return true;
  }, []);
  useLeaveGuard(inUse && step !== 'done' && !seeStaff ? askBeforeLeaving : null);

  const update = useCallback((patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch })), []);
  const issueFor = useCallback((key: string) => issues.find((issue) => issue.path === key), [issues]);

  const steps = stepsFor(draft);
  const index = steps.indexOf(step);
  const go = (next: Step | undefined) => {
    if (next === undefined) return;
    setErrorCode(null);
    setStep(next);
  };

  const next = () => {
    const found = checkStep(step, draft, options);
    setIssues((current) => [...current.filter((issue) => stepOfKey(issue.path) !== step), ...found]);
    if (found.length > 0) {
      setAttention((count) => count + 1);
      return;
    }
    go(steps[index + 1]);
  };

  const submit = async () => {
    setBusy(true);
    setErrorCode(null);
    const sent = orderedPrograms(draft.programs);
    try {
      const result = await call('registration:create', { ...toCreateInput(draft), receiptLanguage: asLanguage(i18n.language) });
      setCreated(result);
      setIssues([]);
      setStep('done');
    } catch (error) {
      const apiError = asApiError(error);
      if (apiError.code === 'see_staff') {
        setSeeStaff(true);
        return;
      }
      setErrorCode(apiError.code);
      setAttention((count) => count + 1);
      if (apiError.code === 'already_registered') {
        // Back to the programs, where the ones already registered can be unticked.
        setRegistered(programsAt(apiError.issues, sent));
        setIssues([]);
        setStep('programs');
        return;
      }
      // Each refusal goes back to the step that shows its field, the earliest such step first.
      const mapped = apiError.issues.map((issue) => ({ path: keyOfServerPath(issue.path, issue.reason, sent), reason: issue.reason }));
      const owners = mapped.map((issue) => steps.indexOf(stepOfKey(issue.path))).filter((position) => position >= 0);
      setIssues(mapped);
      setStep(owners.length > 0 ? (steps[Math.min(...owners)] ?? 'review') : 'review');
    } finally {
      setBusy(false);
    }
  };

  const stepKey = stepIssueKey[step];
  const frame = {
    step,
    steps,
    title: step === 'done' ? t('kiosk:done.title') : t(`kiosk:${step}.title`),
    lead: step === 'done' ? undefined : t(`kiosk:${step}.lead`),
    errorCode,
    stepIssue: stepKey ? issueFor(stepKey) : undefined,
    busy,
    attention,
    onBack: index > 0 && step !== 'done' ? () => go(steps[index - 1]) : undefined,
    overlay: leaving ? <LeavePrompt onLeave={leaving.leave} onStay={() => setLeaving(null)} /> : undefined,
  };
  const props = { draft, update, issueFor };

  if (seeStaff) {
    return (
      <StepFrame {...frame} title={t('kiosk:seeStaff.title')} lead={undefined} onBack={undefined} onNext={onFinish} nextLabel={t('kiosk:actions.finish')}>
        <SeeStaffNotice />
      </StepFrame>
    );
  }

  switch (step) {
    case 'programs':
      return (
        <StepFrame {...frame} onNext={next} nextLabel={t('kiosk:actions.next')}>
          {wiped && !inUse ? (
            <p className="registration__notice" role="status">
              {t('kiosk:idle.wiped')}
            </p>
          ) : null}
          <ProgramsStep {...props} options={options} registered={registered} />
        </StepFrame>
      );
    case 'identity':
      return (
        <StepFrame {...frame} onNext={next} nextLabel={t('kiosk:actions.next')}>
          <IdentityStep {...props} />
        </StepFrame>
      );
    case 'choices':
      return (
        <StepFrame {...frame} onNext={next} nextLabel={t('kiosk:actions.next')}>
          <ChoicesStep {...props} />
        </StepFrame>
      );
    case 'consents':
      return (
        <StepFrame {...frame} onNext={next} nextLabel={t('kiosk:actions.next')}>
          <ConsentsStep {...props} />
        </StepFrame>
      );
    case 'signature':
      return (
        <StepFrame {...frame} onNext={next} nextLabel={t('kiosk:actions.next')}>
          <SignatureStep {...props} />
        </StepFrame>
      );
    case 'heardFrom':
      return (
        <StepFrame {...frame} onNext={next} nextLabel={t('kiosk:actions.next')}>
          <HeardFromStep {...props} options={options} />
        </StepFrame>
      );
    case 'review':
      return (
        <StepFrame {...frame} onNext={() => void submit()} nextLabel={busy ? t('kiosk:actions.submitting') : t('kiosk:actions.submit')}>
          <ReviewStep draft={draft} options={options} />
        </StepFrame>
      );
    case 'done':
      return (
        <StepFrame {...frame} onNext={onFinish} nextLabel={t('kiosk:actions.finish')}>
          {created ? <DoneStep created={created} silentReceipts={options.silentReceipts} /> : null}
        </StepFrame>
      );
  }
}

/** "Leave this registration?" over the step, with large buttons: staying is the safe, focused choice. */
function LeavePrompt({ onLeave, onStay }: { onLeave: () => void; onStay: () => void }) {
  const { t } = useT();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLButtonElement>('button:last-of-type')?.focus();
  }, []);
  return (
    <div className="registration__leave" ref={box} data-testid="leave-prompt">
      <ConfirmPrompt id="registration-leave" text={t('kiosk:leave.question')} yes={t('kiosk:leave.leave')} no={t('kiosk:leave.stay')} onYes={onLeave} onNo={onStay} />
    </div>
  );
}
