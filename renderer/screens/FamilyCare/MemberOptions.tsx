import { useT } from '../../i18n/index';
import type { Family } from './types';

interface MemberOptionsProps {
  family: Family;
  /** Names shown for the members (masked unless staff chose to show them). */
  memberName: (memberId: string) => string;
}

/** One `<option>` per member of the family, named with the relation to the donor, for a form's member choice. */
export function MemberOptions({ family, memberName }: MemberOptionsProps) {
  const { t } = useT();
  return (
    <>
      {family.members.map((member) => (
        <option key={member.id} value={member.id}>
          {`${memberName(member.id)} · ${t(`family:relation.${member.relationCode}`)}`}
        </option>
      ))}
    </>
  );
}
