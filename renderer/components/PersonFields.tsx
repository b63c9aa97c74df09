import type { ComponentProps } from 'react';
import { useT } from '../i18n/index';
import { ethnicGroups } from '../../shared/validation/ethnic-group';
import { documentKinds, isDocumentKind, type DocumentKind } from '../../shared/validation/identity-document';
import { useEthnicGroupName } from '../hooks/useEthnicGroupName';

/*
 * The parts of a person's identity fields that the kiosk's identity step and the staff's forms share.
 * The fields around them stay with each screen: the kiosk reads the birth date and sex from the number
 * and shows them read-only, guesses the document kind from the number and asks in large touch targets;
 * the staff forms are a compact grid that staff fill from the document in front of them.
 */

type SelectProps<V extends string> = Omit<ComponentProps<'select'>, 'value' | 'onChange' | 'children'> & {
  value: V;
  onChange: (value: V) => void;
};

/** The kinds of identity document, named in the language on screen. */
export function DocumentKindSelect({ value, onChange, ...select }: SelectProps<DocumentKind>) {
  const { t } = useT();
  return (
    <select
      value={value}
      onChange={(event) => {
        if (isDocumentKind(event.target.value)) onChange(event.target.value);
      }}
      {...select}
    >
      {documentKinds.map((kind) => (
        <option key={kind} value={kind}>
          {t(`registration:documentKind.${kind}`)}
        </option>
      ))}
    </select>
  );
}

/** The 56 ethnic groups by code, in the language on screen, after a blank choice: none is preselected. */
export function EthnicGroupSelect({ value, onChange, ...select }: SelectProps<string>) {
  const { t } = useT();
  const ethnicGroupName = useEthnicGroupName();
  return (
    <select value={value} onChange={(event) => onChange(event.target.value)} {...select}>
      <option value="">{t('common:choose')}</option>
      {ethnicGroups.map((group) => (
        <option key={group.code} value={group.code}>
          {ethnicGroupName(group.code)}
        </option>
      ))}
    </select>
  );
}
