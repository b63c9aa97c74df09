import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import { ageBands, type AgeBand } from '../../../shared/domain/education';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { IssueMessage } from '../../components/IssueMessage';
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

  const checkIn = useCallback(
    () =>
      call('education:checkIn', {
        sessionId: session.id,
        organisation,
        contactName,
        contactPhone,
        headCount: headCount.trim() === '' ? Number.NaN : Number(headCount),
        ageBand: ageBand as AgeBand,
      }),
    [session.id, organisation, contactName, contactPhone, headCount, ageBand],
  );
  const form = useSubmit(checkIn, onDone);

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
          <input id="check-in-contact-phone" inputMode="tel" value={contactPhone} onChange={(e) => setContactPhone(e.target.value)} autoComplete="off" />
        </Field>
        <Field id="check-in-head-count" label={t('sessionKiosk:checkIn.headCount')} issue={form.issueFor('headCount')}>
          <input id="check-in-head-count" inputMode="numeric" value={headCount} onChange={(e) => setHeadCount(e.target.value)} autoComplete="off" />
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
        <ErrorBanner code={form.errorCode} />
        <div className="actions">
          <button type="submit" className="primary" disabled={form.busy}>
            {t('sessionKiosk:checkIn.submit')}
          </button>
          <button type="button" onClick={onBack} disabled={form.busy}>
            {t('sessionKiosk:back')}
          </button>
        </div>
      </form>
    </section>
  );
}
