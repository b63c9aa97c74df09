import { useT } from '../../i18n/index';
import { maskName, maskPhone } from '../../../shared/domain/masking';
import { MemberForm } from './MemberForm';
import type { Family, OnFamilyChanged } from './types';

/** Which member form is open: a new member, or the details of one member. */
export type MemberEditing = { kind: 'add' } | { kind: 'edit'; memberId: string } | null;

interface MembersSectionProps {
  family: Family;
  /** Names and phones in full (staff chose to show them) or masked. */
  unmasked: boolean;
  editing: MemberEditing;
  onEditing: (editing: MemberEditing) => void;
  onChanged: OnFamilyChanged;
}

/** The family's members with their relation to the donor and what they are to the donation. */
export function MembersSection({ family, unmasked, editing, onEditing, onChanged }: MembersSectionProps) {
  const { t } = useT();
  const close = () => onEditing(null);
  const yes = t('familyDesk:yes');
  const no = t('familyDesk:no');
  return (
    <section aria-labelledby="family-members-title" data-testid="family-members">
      <h2 id="family-members-title">{t('familyDesk:members.title')}</h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('familyDesk:member.name')}</th>
              <th scope="col">{t('familyDesk:member.relation')}</th>
              <th scope="col">{t('familyDesk:member.phone')}</th>
              <th scope="col">{t('familyDesk:members.executor')}</th>
              <th scope="col">{t('familyDesk:members.consented')}</th>
              <th scope="col">{t('familyDesk:members.contact')}</th>
              <th scope="col">{t('familyDesk:members.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {family.members.map((member) => (
              <tr key={member.id} data-testid="family-member" data-member={member.id}>
                <th scope="row" data-testid="family-member-name">
                  {unmasked ? member.name : maskName(member.name)}
                </th>
                <td>{t(`family:relation.${member.relationCode}`)}</td>
                <td className="mono">{unmasked ? member.phone : maskPhone(member.phone)}</td>
                <td>{member.isExecutor ? yes : no}</td>
                <td>{member.consented ? yes : no}</td>
                <td>{member.doNotContact ? t('familyDesk:members.notToBeContacted') : t('familyDesk:members.mayBeContacted')}</td>
                <td>
                  <button
                    type="button"
                    className="small"
                    aria-label={t('familyDesk:members.editOne', { name: unmasked ? member.name : maskName(member.name) })}
                    onClick={() => onEditing({ kind: 'edit', memberId: member.id })}
                    disabled={editing !== null}
                  >
                    {t('familyDesk:members.editButton')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing?.kind === 'edit' ? (
        <MemberForm key={editing.memberId} family={family} member={family.members.find((member) => member.id === editing.memberId)} onChanged={onChanged} onCancel={close} />
      ) : null}
      {editing?.kind === 'add' ? <MemberForm family={family} onChanged={onChanged} onCancel={close} /> : null}
      {editing === null ? (
        <div className="actions">
          <button type="button" onClick={() => onEditing({ kind: 'add' })}>
            {t('familyDesk:members.add.open')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
