import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { familyContactKinds, type FamilyContactKind } from '../../../shared/domain/family';
import { call } from '../../api/client';
import { ActionForm } from '../../components/ActionForm';
import { Field } from '../../components/Field';
import { localToday, useFormatDate } from '../../hooks/useFormatDate';
import { useSubmit } from '../../hooks/useSubmit';
import { MemberOptions } from './MemberOptions';
import type { Family, OnFamilyChanged } from './types';

interface LogContactFormProps {
  family: Family;
  /** The follow-up the contact answers, chosen beforehand (e.g. from the due list). */
  followUpId: string | null;
  memberName: (memberId: string) => string;
  onChanged: OnFamilyChanged;
  onCancel: () => void;
}

/** A contact with the family: how and when, with whom, what they need and what follows; it marks its follow-up done. */
export function LogContactForm({ family, followUpId: initialFollowUp, memberName, onChanged, onCancel }: LogContactFormProps) {
  const { t } = useT();
  const formatDate = useFormatDate();
  const open = family.followUps.filter((followUp) => followUp.state === 'open');
  const [followUpId, setFollowUpId] = useState(initialFollowUp ?? open[0]?.id ?? '');
  const [kind, setKind] = useState<FamilyContactKind>('phone_call');
  const [on, setOn] = useState(localToday());
  const [memberId, setMemberId] = useState('');
  const [needs, setNeeds] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [nextDueOn, setNextDueOn] = useState('');

  const log = useCallback(
    () =>
      call('family:logContact', {
        familyId: family.id,
        followUpId: followUpId === '' ? null : followUpId,
        kind,
        on,
        memberId: memberId === '' ? null : memberId,
        needs,
        nextStep,
        nextDueOn: nextDueOn === '' ? null : nextDueOn,
      }),
    [family.id, followUpId, kind, on, memberId, needs, nextStep, nextDueOn],
  );
  const onDone = useCallback((updated: Family) => onChanged(updated, 'contactLogged'), [onChanged]);
  const form = useSubmit(log, onDone);

  return (
    <ActionForm
      id="log-contact"
      title={t('familyDesk:contacts.form.title')}
      onSubmit={form.onSubmit}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('familyDesk:contacts.form.submit')}
      onCancel={onCancel}
    >
      <Field id="log-contact-follow-up" label={t('familyDesk:contacts.form.followUp')} issue={form.issueFor('followUpId')}>
        <select id="log-contact-follow-up" value={followUpId} onChange={(e) => setFollowUpId(e.target.value)}>
          <option value="">{t('familyDesk:contacts.form.noFollowUp')}</option>
          {open.map((followUp) => (
            <option key={followUp.id} value={followUp.id}>
              {`${formatDate(followUp.dueOn)} · ${t(`family:followUpKind.${followUp.kind}`)}`}
            </option>
          ))}
        </select>
      </Field>
      <Field id="log-contact-kind" label={t('familyDesk:contacts.kind')} issue={form.issueFor('kind')}>
        <select id="log-contact-kind" value={kind} onChange={(e) => setKind(e.target.value as FamilyContactKind)}>
          {familyContactKinds.map((option) => (
            <option key={option} value={option}>
              {t(`family:contactKind.${option}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="log-contact-on" label={t('familyDesk:contacts.on')} issue={form.issueFor('on')}>
        <input id="log-contact-on" type="date" value={on} max={localToday()} onChange={(e) => setOn(e.target.value)} />
      </Field>
      <Field id="log-contact-member" label={t('familyDesk:contacts.member')} issue={form.issueFor('memberId')}>
        <select id="log-contact-member" value={memberId} onChange={(e) => setMemberId(e.target.value)}>
          <option value="">{t('familyDesk:contacts.form.anyMember')}</option>
          <MemberOptions family={family} memberName={memberName} />
        </select>
      </Field>
      <Field id="log-contact-needs" label={t('familyDesk:contacts.needs')} issue={form.issueFor('needs')}>
        <textarea id="log-contact-needs" value={needs} onChange={(e) => setNeeds(e.target.value)} rows={3} />
      </Field>
      <Field id="log-contact-next-step" label={t('familyDesk:contacts.nextStep')} issue={form.issueFor('nextStep')}>
        <textarea id="log-contact-next-step" value={nextStep} onChange={(e) => setNextStep(e.target.value)} rows={2} />
      </Field>
      <Field id="log-contact-next-due" label={t('familyDesk:contacts.form.nextDueOn')} hint={t('familyDesk:contacts.form.nextDueOnHint')} issue={form.issueFor('nextDueOn')}>
        <input id="log-contact-next-due" type="date" value={nextDueOn} min={localToday()} onChange={(e) => setNextDueOn(e.target.value)} />
      </Field>
    </ActionForm>
  );
}
