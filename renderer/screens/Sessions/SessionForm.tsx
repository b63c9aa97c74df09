import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { stationDate } from '../../../shared/domain/age';
import { audienceKinds, stationMoment, stationTime, type AudienceKind } from '../../../shared/domain/education';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import { ActionForm } from '../../components/ActionForm';
import type { SessionView } from './types';

interface SessionFormProps {
  /** The session to change, or null to schedule a new one. */
  session: SessionView | null;
  onDone: (session: SessionView) => void;
  onCancel: () => void;
}

/** A date and a wall-clock time at the station as the moment the contract takes; '' when either is not filled in. */
/** The reasons about the day itself, shown at the date field rather than at the start time. */
const DATE_REASONS: ReadonlySet<string | undefined> = new Set(['session_start_past', 'session_start_too_far']);
function isDateReason(reason: string | undefined): boolean {
  return DATE_REASONS.has(reason);
}

function momentOf(date: string, time: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return '';
  try {
    return stationMoment(date, time);
  } catch {
    // A day the calendar does not have: the station names the field at fault.
    return '';
  }
}

/** Schedules a session, or changes one that has not started: title, day and times, venue, host, audience, expected head count. */
export function SessionForm({ session, onDone, onCancel }: SessionFormProps) {
  const { t } = useT();
  const [title, setTitle] = useState(session?.title ?? '');
  const [date, setDate] = useState(session?.date ?? stationDate(new Date()));
  const [start, setStart] = useState(session ? stationTime(session.startsAt) : '');
  const [end, setEnd] = useState(session ? stationTime(session.endsAt) : '');
  const [venue, setVenue] = useState(session?.venue ?? '');
  const [host, setHost] = useState(session?.host ?? '');
  const [audienceKind, setAudienceKind] = useState<AudienceKind | ''>(session?.audienceKind ?? '');
  const [expected, setExpected] = useState(session ? String(session.expectedHeadCount) : '');

  const save = useCallback(() => {
    const fields = {
      title,
      startsAt: momentOf(date, start),
      endsAt: momentOf(date, end),
      venue,
      host,
      audienceKind: audienceKind as AudienceKind,
      expectedHeadCount: expected.trim() === '' ? Number.NaN : Number(expected),
    };
    return session === null
      ? call('education:schedule', fields)
      : call('education:update', { ...fields, sessionId: session.id, version: session.version });
  }, [title, date, start, end, venue, host, audienceKind, expected, session]);
  const form = useSubmit(save, onDone);

  return (
    <ActionForm
      id="schedule"
      title={session === null ? t('sessions:form.newTitle') : t('sessions:form.editTitle')}
      onSubmit={form.onSubmit}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={session === null ? t('sessions:form.schedule') : t('sessions:form.save')}
      onCancel={onCancel}
      headingLevel={2}
    >
      <div className="form-grid__full session-form__title">
        <Field id="session-title" label={t('sessions:form.title')} issue={form.issueFor('title')}>
          <input id="session-title" value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" />
        </Field>
      </div>
      <Field id="session-date" label={t('sessions:form.date')} hint={t('sessions:form.dateHint')} issue={isDateReason(form.issueFor('startsAt')?.reason) ? form.issueFor('startsAt') : undefined}>
        <input id="session-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </Field>
      <Field id="session-start" label={t('sessions:form.start')} issue={isDateReason(form.issueFor('startsAt')?.reason) ? undefined : form.issueFor('startsAt')}>
        <input id="session-start" type="time" value={start} onChange={(e) => setStart(e.target.value)} />
      </Field>
      <Field id="session-end" label={t('sessions:form.end')} issue={form.issueFor('endsAt')}>
        <input id="session-end" type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
      </Field>
      <Field id="session-venue" label={t('sessions:form.venue')} issue={form.issueFor('venue')}>
        <input id="session-venue" value={venue} onChange={(e) => setVenue(e.target.value)} autoComplete="off" />
      </Field>
      <Field id="session-host" label={t('sessions:form.host')} issue={form.issueFor('host')}>
        <input id="session-host" value={host} onChange={(e) => setHost(e.target.value)} autoComplete="off" />
      </Field>
      <Field id="session-audience" label={t('sessions:form.audience')} issue={form.issueFor('audienceKind')}>
        <select id="session-audience" value={audienceKind} onChange={(e) => setAudienceKind(audienceKinds.find((kind) => kind === e.target.value) ?? '')}>
          <option value="">{t('sessions:form.choose')}</option>
          {audienceKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`sessions:audience.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="session-expected" label={t('sessions:form.expected')} issue={form.issueFor('expectedHeadCount')}>
        <input id="session-expected" inputMode="numeric" value={expected} onChange={(e) => setExpected(e.target.value)} autoComplete="off" />
      </Field>
    </ActionForm>
  );
}
