import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import { ageBands, type AgeBand } from '../../../shared/domain/education';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { IssueMessage } from '../../components/IssueMessage';
import { KeypadInput } from '../../components/NumericKeypad';
import { typedWholeNumber } from '../../hooks/useFormText';
import { useSubmit } from '../../hooks/useSubmit';
import type { KioskSession } from './types';

type CheckedIn = CallOutput<'education:checkIn'>;

interface CheckInFormProps {
  session: KioskSession;
  onDone: (checkedIn: CheckedIn) => void;
  onBack: () => void;
}

/** A group leader checks the group in: organisation, contact adult, head count and age band; nothing about any child. */
export function CheckInForm({ session, onDone, onBack }: CheckInFormProps) {
  const { t } = useT();
  const [organisation, setOrganisation] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [headCount, setHeadCount] = useState('');
  const [ageBand, setAgeBand] = useState<AgeBand | ''>('');

  const send = useCallback(
    (confirmRepeat: boolean) =>
      call('education:checkIn', {
        sessionId: session.id,
        organisation,
        contactName,
        contactPhone,
        headCount: typedWholeNumber(headCount),
        ageBand: ageBand as AgeBand,
        confirmRepeat,
      }),
    [session.id, organisation, contactName, contactPhone, headCount, ageBand],
  );
  const checkIn = useCallback(() => send(false), [send]);
  const checkInAgain = useCallback(() => send(true), [send]);
  const form = useSubmit(checkIn, onDone);
  // The station found this group checked in already (a second tap, say): the group decides whether it is a new arrival.
  const repeat = useSubmit(checkInAgain, onDone);
  const askRepeat = form.errorCode === 'group_already_checked_in';
  const busy = form.busy || repeat.busy;

  return (
    <section className="panel" aria-labelledby="check-in-title">
      <h1 id="check-in-title">{t('sessionKiosk:checkIn.title')}</h1>
      <p className="lead">{t('sessionKiosk:checkIn.intro', { title: session.title })}</p>
      <form onSubmit={form.onSubmit} noValidate data-testid="check-in-form">
        <Field id="check-in-organisation" label={t('sessionKiosk:checkIn.organisation')} hint={t('sessionKiosk:checkIn.organisationHint')} issue={form.issueFor('organisation')}>
          <input id="check-in-organisation" value={organisation} onChange={(e) => setOrganisation(e.target.value)} autoComplete="off" />
        </Field>
        <Field id="check-in-contact-name" label={t('sessionKiosk:checkIn.contactName')} issue={form.issueFor('contactName')}>
          <input id="check-in-contact-name" value={contactName} onChange={(e) => setContactName(e.target.value)} autoComplete="off" />
        </Field>
        <Field id="check-in-contact-phone" label={t('sessionKiosk:checkIn.contactPhone')} issue={form.issueFor('contactPhone')}>
          <KeypadInput id="check-in-contact-phone" keys="digits" inputMode="tel" value={contactPhone} onChange={(e) => setContactPhone(e.target.value)} autoComplete="off" />
        </Field>
        <Field id="check-in-head-count" label={t('sessionKiosk:checkIn.headCount')} issue={form.issueFor('headCount')}>
          <KeypadInput id="check-in-head-count" keys="digits" inputMode="numeric" value={headCount} onChange={(e) => setHeadCount(e.target.value)} autoComplete="off" />
        </Field>
        <fieldset className={form.issueFor('ageBand') ? 'field field--invalid' : 'field'}>
          <legend>{t('sessionKiosk:checkIn.ageBand')}</legend>
          <div className="choices">
            {ageBands.map((band) => (
              <label key={band} className="choice">
                <input type="radio" name="age-band" value={band} checked={ageBand === band} onChange={() => setAgeBand(band)} />
                {t(`sessions:ageBand.${band}`)}
              </label>
            ))}
          </div>
          <IssueMessage issue={form.issueFor('ageBand')} />
        </fieldset>
        <p className="lead">{t('sessionKiosk:checkIn.privacy')}</p>
        {askRepeat ? (
          <div className="error-banner" role="alert" data-testid="check-in-repeat">
            <p>{t('sessionKiosk:checkIn.repeatQuestion')}</p>
            <button type="button" onClick={() => void repeat.submit()} disabled={busy}>
              {t('sessionKiosk:checkIn.repeatConfirm')}
            </button>
          </div>
        ) : (
          <ErrorBanner code={form.errorCode} />
        )}
        <ErrorBanner code={askRepeat ? repeat.errorCode : null} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('sessionKiosk:checkIn.submit')}
          </button>
          <button type="button" onClick={onBack} disabled={busy}>
            {t('sessionKiosk:back')}
          </button>
        </div>
      </form>
    </section>
  );
}
