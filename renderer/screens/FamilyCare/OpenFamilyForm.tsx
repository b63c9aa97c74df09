import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { familyContactChannels, MAX_FAMILY_MEMBERS, type FamilyContactChannel } from '../../../shared/domain/family';
import { call } from '../../api/client';
import { ActionForm } from '../../components/ActionForm';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import { MemberFields } from './MemberFields';
import { emptyMember, memberInput, type MemberDraft } from './member-draft';
import type { Family } from './types';

interface OpenFamilyFormProps {
  registrationId: string;
  onDone: (family: Family) => void;
  onCancel: () => void;
}

/** Opens the family of a realised donation: its members and how they prefer to be reached. */
export function OpenFamilyForm({ registrationId, onDone, onCancel }: OpenFamilyFormProps) {
  const { t } = useT();
  const [members, setMembers] = useState<MemberDraft[]>([emptyMember]);
  const [channel, setChannel] = useState<FamilyContactChannel>('phone');

  const open = useCallback(
    () => call('family:open', { registrationId, preferredChannel: channel, members: members.map(memberInput) }),
    [registrationId, channel, members],
  );
  const form = useSubmit(open, onDone);

  const setMember = (index: number, value: MemberDraft) => setMembers((current) => current.map((member, at) => (at === index ? value : member)));

  return (
    <ActionForm
      id="open-family"
      title={t('familyDesk:open.title')}
      intro={t('familyDesk:open.intro')}
      onSubmit={form.onSubmit}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('familyDesk:open.submit')}
      onCancel={onCancel}
      headingLevel={2}
    >
      <Field id="open-family-channel" label={t('familyDesk:open.channel')} issue={form.issueFor('preferredChannel')}>
        <select id="open-family-channel" value={channel} onChange={(e) => setChannel(e.target.value as FamilyContactChannel)}>
          {familyContactChannels.map((option) => (
            <option key={option} value={option}>
              {t(`family:channel.${option}`)}
            </option>
          ))}
        </select>
      </Field>
      {members.map((member, index) => (
        <fieldset key={index} className="form-section form-grid form-grid__full" data-testid="open-family-member">
          <legend>{t('familyDesk:open.memberLegend', { number: index + 1 })}</legend>
          <MemberFields idPrefix={`open-member-${index}`} pathPrefix={`members.${index}.`} value={member} onChange={(value) => setMember(index, value)} issueFor={form.issueFor} />
          {members.length > 1 ? (
            <div className="form-grid__full actions">
              <button type="button" onClick={() => setMembers((current) => current.filter((_, at) => at !== index))}>
                {t('familyDesk:open.removeMember', { number: index + 1 })}
              </button>
            </div>
          ) : null}
        </fieldset>
      ))}
      {members.length < MAX_FAMILY_MEMBERS ? (
        <div className="form-grid__full actions">
          <button type="button" onClick={() => setMembers((current) => [...current, emptyMember])}>
            {t('familyDesk:open.addMember')}
          </button>
        </div>
      ) : null}
    </ActionForm>
  );
}
