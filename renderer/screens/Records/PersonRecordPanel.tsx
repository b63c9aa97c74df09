import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ConsentSection } from './ConsentSection';
import { HeldChangesSection } from './HeldChangesSection';
import { PersonContactForm } from './PersonContactForm';
import { PersonDetails } from './PersonDetails';
import { PersonDocuments } from './PersonDocuments';
import { PersonHistory } from './PersonHistory';
import { RecordRefreshContext } from './record-refresh';
import { RefusalSection } from './RefusalSection';
import { RegistrationCard } from './RegistrationCard';
import type { ChangeableConsentPurpose } from '../../../shared/validation/consents';
import type { ConsentDone, Done, OnUpdated, PersonRecord, RegistrationAction } from './types';

/** The one form open on the record; opening another closes it, so a half-typed change is never sent twice. */
type OpenForm =
  | { kind: 'personAmend' }
  | { kind: 'refusalRevoke' }
  | { kind: 'consent'; purpose: ChangeableConsentPurpose }
  | { kind: 'registration'; registrationId: string; action: RegistrationAction }
  | null;

interface PersonRecordPanelProps {
  personId: string;
  /** The change that led here, e.g. a refusal just recorded, for the success line. */
  initialDone: Done | null;
  /** Whether the staff member may record a donation as completed (supervisors and administrators). */
  mayRealise: boolean;
  /** Whether the staff member cares for donor families (the way from a realised donation to its family). */
  mayCareForFamily: boolean;
  onClose: () => void;
  /** Tells the search results that something changed (a state, a refusal). */
  onChanged: () => void;
}

/**
 * A person's record as staff see it, opened (and audited) by the station. Every change answers with
 * the new record, which replaces the one shown, and a success line says what was done.
 */
export function PersonRecordPanel({ personId, initialDone, mayRealise, mayCareForFamily, onClose, onChanged }: PersonRecordPanelProps) {
  const { t } = useT();
  const [record, setRecord] = useState<PersonRecord | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState<Done | ConsentDone | null>(initialDone);
  const [openForm, setOpenForm] = useState<OpenForm>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const load = useCallback(async () => {
    try {
      setRecord(await call('person:get', { personId }));
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    }
  }, [personId]);

  useEffect(() => {
    void load();
  }, [load]);

  // A document issued from a form on the record shows in its list of documents without reopening it.
  const refresh = useCallback(() => void load(), [load]);

  const onUpdated: OnUpdated = useCallback(
    (updated, what) => {
      setRecord(updated);
      setOpenForm(null);
      setDone(what);
      onChanged();
    },
    [onChanged],
  );

  // The success line sits above the forms: bring it into view once it says something new.
  useEffect(() => {
    if (done) statusRef.current?.scrollIntoView({ block: 'nearest' });
  }, [done]);

  const reload = () => {
    setDone(null);
    setOpenForm(null);
    void load();
  };

  const openAction = (registrationId: string, action: RegistrationAction | null) => {
    setDone(null);
    setOpenForm(action === null ? null : { kind: 'registration', registrationId, action });
  };

  return (
    <section className="panel panel--wide person-record" aria-labelledby="person-title" data-testid="person-record">
      <div className="person-record__header">
        <h2 id="person-title">{t('records:person.title')}</h2>
        <div className="actions">
          <button type="button" onClick={reload}>
            {t('records:person.reload')}
          </button>
          <button type="button" onClick={onClose}>
            {t('records:person.close')}
          </button>
        </div>
      </div>
      <ErrorBanner code={errorCode} />
      {done ? (
        <p role="status" className="success" ref={statusRef}>
          {done.action === 'consentChanged'
            ? t(done.granted ? 'records:consents.done.granted' : 'records:consents.done.withdrawn', { purpose: t(`registration:consent.${done.purpose}.title`) })
            : t(`records:done.${done.action}`, { number: done.number ?? '' })}
        </p>
      ) : null}
      {record === null ? null : (
        <RecordRefreshContext.Provider value={refresh}>
          {record.refusal ? (
            <RefusalSection
              record={record}
              refusal={record.refusal}
              revoking={openForm?.kind === 'refusalRevoke'}
              onRevoking={(open) => setOpenForm(open ? { kind: 'refusalRevoke' } : null)}
              onUpdated={onUpdated}
            />
          ) : null}
          <HeldChangesSection record={record} onUpdated={onUpdated} />
          <PersonDetails record={record} />
          <ConsentSection
            record={record}
            changing={openForm?.kind === 'consent' ? openForm.purpose : null}
            onChanging={(purpose) => {
              setDone(null);
              setOpenForm(purpose === null ? null : { kind: 'consent', purpose });
            }}
            onUpdated={onUpdated}
          />
          <PersonHistory history={record.history} />
          {openForm?.kind === 'personAmend' ? (
            <PersonContactForm record={record} onUpdated={onUpdated} onCancel={() => setOpenForm(null)} />
          ) : (
            <div className="actions">
              <button type="button" onClick={() => setOpenForm({ kind: 'personAmend' })}>
                {t('records:personAmend.open')}
              </button>
            </div>
          )}

          <h2>{t('records:registrations.title')}</h2>
          {record.registrations.length === 0 ? <p className="empty">{t('records:registrations.none')}</p> : null}
          {record.registrations.map((registration) => (
            <RegistrationCard
              key={registration.id}
              registration={registration}
              personId={record.id}
              documentKind={record.documentKind}
              mayRealise={mayRealise}
              mayCareForFamily={mayCareForFamily}
              openAction={openForm?.kind === 'registration' && openForm.registrationId === registration.id ? openForm.action : null}
              onOpenAction={(action) => openAction(registration.id, action)}
              onUpdated={onUpdated}
            />
          ))}
          <PersonDocuments record={record} />
        </RecordRefreshContext.Provider>
      )}
    </section>
  );
}
