import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import { visitPurposes, type VisitPurpose } from '../../../shared/domain/visitors';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';

type SignedIn = CallOutput<'visitor:signIn'>;

/** How long the thanks stay on screen before the form is ready for the next visitor. */
export const THANKS_SCREEN_MS = 30_000;

/** Kiosk sign-in for memorial visitors: party size, purpose and, if they wish, a name. */
export function VisitorSignInScreen() {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  const [partySize, setPartySize] = useState('1');
  const [purpose, setPurpose] = useState<VisitPurpose | ''>('');
  const [visitorName, setVisitorName] = useState('');
  const [signedIn, setSignedIn] = useState<SignedIn | null>(null);

  const action = useCallback(
    () =>
      call('visitor:signIn', {
        partySize: partySize.trim() === '' ? Number.NaN : Number(partySize),
        purpose: purpose as VisitPurpose,
        visitorName,
      }),
    [partySize, purpose, visitorName],
  );
  const form = useSubmit(action, setSignedIn);

  // The next visitor starts from an empty form: nothing of the previous one stays on screen.
  const nextVisitor = useCallback(() => {
    setPartySize('1');
    setPurpose('');
    setVisitorName('');
    setSignedIn(null);
  }, []);

  // A kiosk is often left on the thanks screen: it forgets the visit by itself after a short while.
  useEffect(() => {
    if (!signedIn) return undefined;
    const timer = setTimeout(nextVisitor, THANKS_SCREEN_MS);
    return () => clearTimeout(timer);
  }, [signedIn, nextVisitor]);

  if (signedIn) {
    return (
      <section className="panel panel--done" aria-labelledby="signed-in-title">
        <h1 id="signed-in-title">{t('memorial:signIn.thanks')}</h1>
        <p role="status">
          {t('memorial:signIn.recorded', {
            time: formatDateTime(signedIn.visitedAt),
            count: signedIn.partySize,
          })}
        </p>
        <p className="lead">{t('memorial:signIn.autoReturn')}</p>
        <button type="button" className="primary" onClick={nextVisitor}>
          {t('memorial:signIn.next')}
        </button>
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('memorial:signIn.title')}</h1>
      <p className="lead">{t('memorial:signIn.intro')}</p>
      <form onSubmit={form.onSubmit} noValidate>
        <Field id="party-size" label={t('memorial:signIn.partySize')} issue={form.issueFor('partySize')}>
          <input
            id="party-size"
            inputMode="numeric"
            value={partySize}
            onChange={(e) => setPartySize(e.target.value)}
            autoComplete="off"
          />
        </Field>
        <fieldset className={form.issueFor('purpose') ? 'field field--invalid' : 'field'}>
          <legend>{t('memorial:signIn.purpose')}</legend>
          <div className="choices">
            {visitPurposes.map((p) => (
              <label key={p} className="choice">
                <input type="radio" name="purpose" value={p} checked={purpose === p} onChange={() => setPurpose(p)} />
                {t(`memorial:purpose.${p}`)}
              </label>
            ))}
          </div>
          {form.issueFor('purpose') ? (
            <small className="field__error" data-reason="visit_purpose">
              {t('validation:visit_purpose')}
            </small>
          ) : null}
        </fieldset>
        <Field
          id="visitor-name"
          label={t('memorial:signIn.name')}
          hint={t('memorial:signIn.nameHint')}
          issue={form.issueFor('visitorName')}
        >
          <input id="visitor-name" value={visitorName} onChange={(e) => setVisitorName(e.target.value)} autoComplete="off" />
        </Field>
        <ErrorBanner code={form.errorCode} />
        <button type="submit" className="primary" disabled={form.busy}>
          {t('memorial:signIn.submit')}
        </button>
      </form>
    </section>
  );
}
