import { useT } from '../../i18n/index';
import type { FieldIssue } from '../../../shared/contract/errors';
import { familyRelationCodes, type FamilyRelationCode } from '../../../shared/domain/family';
import { Field } from '../../components/Field';
import type { MemberDraft } from './member-draft';

interface MemberFieldsProps {
  /** Names the controls, e.g. `member-0`. */
  idPrefix: string;
  /** The path of the member in the call's input, e.g. `members.0.` or `member.`. */
  pathPrefix: string;
  value: MemberDraft;
  onChange: (value: MemberDraft) => void;
  issueFor: (path: string) => FieldIssue | undefined;
}

/** One member of the family: name, relation (GB/T 4761), phone, address, and what they are to the donation. */
export function MemberFields({ idPrefix, pathPrefix, value, onChange, issueFor }: MemberFieldsProps) {
  const { t } = useT();
  const set = (change: Partial<MemberDraft>) => onChange({ ...value, ...change });
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <>
      <Field id={id('name')} label={t('familyDesk:member.name')} issue={issueFor(`${pathPrefix}name`)}>
        <input id={id('name')} value={value.name} onChange={(e) => set({ name: e.target.value })} autoComplete="off" />
      </Field>
      <Field id={id('relation')} label={t('familyDesk:member.relation')} hint={t('familyDesk:member.relationHint')} issue={issueFor(`${pathPrefix}relationCode`)}>
        <select id={id('relation')} value={value.relationCode} onChange={(e) => set({ relationCode: e.target.value as FamilyRelationCode | '' })}>
          <option value="">{t('common:choose')}</option>
          {familyRelationCodes.map((code) => (
            <option key={code} value={code}>
              {t(`family:relation.${code}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={id('phone')} label={t('familyDesk:member.phone')} issue={issueFor(`${pathPrefix}phone`)}>
        <input id={id('phone')} type="tel" value={value.phone} onChange={(e) => set({ phone: e.target.value })} autoComplete="off" />
      </Field>
      <Field id={id('address')} label={t('familyDesk:member.address')} issue={issueFor(`${pathPrefix}address`)}>
        <input id={id('address')} value={value.address} onChange={(e) => set({ address: e.target.value })} autoComplete="off" />
      </Field>
      <div className="form-grid__full choices">
        <label className="choice">
          <input type="checkbox" checked={value.isExecutor} onChange={(e) => set({ isExecutor: e.target.checked })} />
          {t('familyDesk:member.isExecutor')}
        </label>
        <label className="choice">
          <input type="checkbox" checked={value.consented} onChange={(e) => set({ consented: e.target.checked })} />
          {t('familyDesk:member.consented')}
        </label>
        <label className="choice">
          <input type="checkbox" checked={value.doNotContact} onChange={(e) => set({ doNotContact: e.target.checked })} />
          {t('familyDesk:member.doNotContact')}
        </label>
      </div>
    </>
  );
}
