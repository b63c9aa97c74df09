import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { call } from '../../api/client';
import { ActionForm } from '../../components/ActionForm';
import { useSubmit } from '../../hooks/useSubmit';
import { MemberFields } from './MemberFields';
import { draftOf, emptyMember, memberInput, type MemberDraft } from './member-draft';
import type { Family, FamilyMember, OnFamilyChanged } from './types';

interface MemberFormProps {
  family: Family;
  /** The member whose details change; a new member when left out. */
  member?: FamilyMember;
  onChanged: OnFamilyChanged;
  onCancel: () => void;
}

/** Adds a member to the family, or enters a member's details anew (the station keeps the earlier version). */
export function MemberForm({ family, member, onChanged, onCancel }: MemberFormProps) {
  const { t } = useT();
  const [draft, setDraft] = useState<MemberDraft>(member ? draftOf(member) : emptyMember);
  const save = useCallback(
    () =>
      member
        ? call('family:updateMember', { familyId: family.id, memberId: member.id, member: memberInput(draft) })
        : call('family:addMember', { familyId: family.id, member: memberInput(draft) }),
    [family.id, member, draft],
  );
  const onDone = useCallback((updated: Family) => onChanged(updated, member ? 'memberUpdated' : 'memberAdded'), [onChanged, member]);
  const form = useSubmit(save, onDone);
  const texts = member ? 'familyDesk:members.edit' : 'familyDesk:members.add';
  return (
    <ActionForm
      id="family-member"
      title={t(`${texts}.title`)}
      onSubmit={form.onSubmit}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t(`${texts}.submit`)}
      onCancel={onCancel}
    >
      <MemberFields idPrefix="family-member" pathPrefix="member." value={draft} onChange={setDraft} issueFor={form.issueFor} />
    </ActionForm>
  );
}
