import { useT } from '../../i18n/index';
import type { FieldIssue } from '../../../shared/contract/errors';
import { Field } from '../../components/Field';
import { familyRelationCodes, type FamilyRelationCode } from '../../../shared/domain/family';
import type { FamilyMemberLabel } from './useFamilyFacts';

function isRelationCode(code: string): code is FamilyRelationCode {
  return (familyRelationCodes as readonly string[]).includes(code);
}

/** A member named as the aid screens show them: the masked name and the relation to the donor (`李*（女）`). */
export function useMemberName(): (member: { maskedName: string; relationCode: string }) => string {
  const { t } = useT();
  return (member) =>
    t('aidDesk:member', { name: member.maskedName, relation: isRelationCode(member.relationCode) ? t(`family:relation.${member.relationCode}`) : member.relationCode });
}

interface MemberSelectProps {
  id: string;
  label: string;
  members: readonly FamilyMemberLabel[];
  value: string;
  onChange: (memberId: string) => void;
  issue?: FieldIssue;
}

/** Picks one member of the family (the applicant, the student, the recipient), names masked. */
export function MemberSelect({ id, label, members, value, onChange, issue }: MemberSelectProps) {
  const { t } = useT();
  const memberName = useMemberName();
  return (
    <Field id={id} label={label} issue={issue}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} required>
        <option value="">{t('common:choose')}</option>
        {members.map((member) => (
          <option key={member.id} value={member.id}>
            {memberName(member)}
          </option>
        ))}
      </select>
    </Field>
  );
}
