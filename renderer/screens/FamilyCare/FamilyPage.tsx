import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import { maskName } from '../../../shared/domain/masking';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormatDate } from '../../hooks/useFormatDate';
import { CarePlanSection } from './CarePlanSection';
import { ConsentsSection } from './ConsentsSection';
import { DoNotContactForm } from './DoNotContactForm';
import { DoNotContactMark } from './DoNotContactMark';
import { FamilyLinks } from './FamilyLinks';
import { MembersSection, type MemberEditing } from './MembersSection';
import { RemembranceRecordsSection } from './RemembranceRecordsSection';
import { RemembranceSection } from './RemembranceSection';
import type { Family, FamilyDone, OnFamilyChanged } from './types';

/** The one form open on the page; opening another closes it, so a half-typed change is never sent twice. */
type OpenForm =
  | { kind: 'member'; editing: MemberEditing }
  | { kind: 'doNotContact' }
  | { kind: 'consent' }
  | { kind: 'contact'; followUpId: string | null }
  | { kind: 'invite' }
  | null;

interface FamilyPageProps {
  familyId: string;
  /** What led here (the family just opened, a contact to log from the due list). */
  initialDone: FamilyDone | null;
  /** Opens the contact form at once for this follow-up (from the due list). */
  initialFollowUp: string | null;
  onClose: () => void;
}

/**
 * A donor family's page for staff, read (and audited) by the station: the members, the do-not-contact
 * wish, the consents, the care plan and contacts, the remembrance invitations, the certificates and the
 * name engraving. Names, phones and notes are masked until staff choose to show them.
 */
export function FamilyPage({ familyId, initialDone, initialFollowUp, onClose }: FamilyPageProps) {
  const { t } = useT();
  const formatDate = useFormatDate();
  const [family, setFamily] = useState<Family | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState<FamilyDone | null>(initialDone);
  const [openForm, setOpenForm] = useState<OpenForm>(initialFollowUp === null ? null : { kind: 'contact', followUpId: initialFollowUp });
  const [unmasked, setUnmasked] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const load = useCallback(async () => {
    try {
      setFamily(await call('family:get', { familyId }));
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    }
  }, [familyId]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (done) statusRef.current?.scrollIntoView({ block: 'nearest' });
  }, [done]);

  const onChanged: OnFamilyChanged = useCallback((updated, what) => {
    setFamily(updated);
    setOpenForm(null);
    setDone(what);
  }, []);

  const onInvitationChanged = useCallback(
    (what: FamilyDone) => {
      setOpenForm(null);
      setDone(what);
      void load();
    },
    [load],
  );

  const open = (form: OpenForm) => {
    setDone(null);
    setOpenForm(form);
  };

  const memberName = (memberId: string) => {
    const member = family?.members.find((candidate) => candidate.id === memberId);
    if (!member) return '';
    return unmasked ? member.name : maskName(member.name);
  };

  return (
    <section className="panel panel--wide family-page" aria-labelledby="family-title" data-testid="family-page">
      <div className="person-record__header">
        <h2 id="family-title">{family ? t('familyDesk:page.title', { name: unmasked ? family.donorName : maskName(family.donorName) }) : t('familyDesk:page.loading')}</h2>
        <div className="actions">
          <button type="button" onClick={() => setUnmasked((current) => !current)} aria-pressed={unmasked}>
            {unmasked ? t('familyDesk:page.mask') : t('familyDesk:page.unmask')}
          </button>
          <button type="button" onClick={() => void load()}>
            {t('familyDesk:page.reload')}
          </button>
          <button type="button" onClick={onClose}>
            {t('familyDesk:page.close')}
          </button>
        </div>
      </div>
      <ErrorBanner code={errorCode} />
      {done ? (
        <p role="status" className="success" ref={statusRef} data-testid="family-done">
          {t(`familyDesk:done.${done}`)}
        </p>
      ) : null}
      {family === null ? null : (
        <>
          <dl className="facts facts--inline" data-testid="family-facts">
            <dt>{t('familyDesk:page.registration')}</dt>
            <dd className="mono">{family.registrationNumber}</dd>
            <dt>{t('familyDesk:list.programme')}</dt>
            <dd>{t(`registration:program.${family.programme}`)}</dd>
            <dt>{t('familyDesk:list.donatedOn')}</dt>
            <dd>{formatDate(family.donatedOn)}</dd>
            <dt>{t('familyDesk:page.channel')}</dt>
            <dd>{t(`family:channel.${family.preferredChannel}`)}</dd>
            <dt>{t('familyDesk:list.doNotContact')}</dt>
            <dd data-testid="family-do-not-contact">
              <DoNotContactMark doNotContact={family.doNotContact} />
              {family.doNotContact && family.doNotContactReason !== null && unmasked ? ` · ${family.doNotContactReason}` : null}
            </dd>
          </dl>
          {openForm?.kind === 'doNotContact' ? (
            <DoNotContactForm family={family} onChanged={onChanged} onCancel={() => setOpenForm(null)} />
          ) : (
            <div className="actions">
              <button type="button" className={family.doNotContact ? undefined : 'danger-outline'} onClick={() => open({ kind: 'doNotContact' })}>
                {family.doNotContact ? t('familyDesk:doNotContactClear.open') : t('familyDesk:doNotContactSet.open')}
              </button>
            </div>
          )}
          <FamilyLinks family={family} />
          <MembersSection
            family={family}
            unmasked={unmasked}
            editing={openForm?.kind === 'member' ? openForm.editing : null}
            onEditing={(editing) => open(editing === null ? null : { kind: 'member', editing })}
            onChanged={onChanged}
          />
          <ConsentsSection
            family={family}
            memberName={memberName}
            recording={openForm?.kind === 'consent'}
            onRecording={(recording) => open(recording ? { kind: 'consent' } : null)}
            onChanged={onChanged}
          />
          <CarePlanSection
            family={family}
            memberName={memberName}
            unmasked={unmasked}
            logging={openForm?.kind === 'contact' ? openForm.followUpId : undefined}
            onLogging={(followUpId) => open(followUpId === undefined ? null : { kind: 'contact', followUpId })}
            onChanged={onChanged}
          />
          <RemembranceSection
            family={family}
            inviting={openForm?.kind === 'invite'}
            onInviting={(inviting) => open(inviting ? { kind: 'invite' } : null)}
            onInvitationChanged={onInvitationChanged}
          />
          <RemembranceRecordsSection family={family} />
        </>
      )}
    </section>
  );
}
