import type { FieldIssue } from '../../shared/contract/errors';
import { Field } from './Field';

export interface AccountDraft {
  username: string;
  displayName: string;
  password: string;
  pin: string;
}

export const emptyAccountDraft: AccountDraft = { username: '', displayName: '', password: '', pin: '' };

export interface AccountFieldLabels {
  username: string;
  usernameHint?: string;
  displayName: string;
  password: string;
  passwordHint: string;
  pin: string;
  pinHint: string;
}

interface AccountFieldsProps {
  /** Prefix of the inputs' ids, e.g. `admin` gives `admin-username`. */
  idPrefix: string;
  /** Prefix of the field issues' paths, e.g. `admin.` when the account is nested in the input. */
  pathPrefix?: string;
  values: AccountDraft;
  onChange: (field: keyof AccountDraft, value: string) => void;
  issueFor: (path: string) => FieldIssue | undefined;
  labels: AccountFieldLabels;
}

/** Username, name, password and PIN of a staff account: the same fields at setup and in account management. */
export function AccountFields({ idPrefix, pathPrefix = '', values, onChange, issueFor, labels }: AccountFieldsProps) {
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <>
      <Field id={id('username')} label={labels.username} hint={labels.usernameHint} issue={issueFor(`${pathPrefix}username`)}>
        <input
          id={id('username')}
          value={values.username}
          onChange={(e) => onChange('username', e.target.value)}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
      </Field>
      <Field id={id('display-name')} label={labels.displayName} issue={issueFor(`${pathPrefix}displayName`)}>
        <input
          id={id('display-name')}
          value={values.displayName}
          onChange={(e) => onChange('displayName', e.target.value)}
          autoComplete="off"
        />
      </Field>
      <Field id={id('password')} label={labels.password} hint={labels.passwordHint} issue={issueFor(`${pathPrefix}password`)}>
        <input
          id={id('password')}
          type="password"
          value={values.password}
          onChange={(e) => onChange('password', e.target.value)}
          autoComplete="new-password"
        />
      </Field>
      <Field id={id('pin')} label={labels.pin} hint={labels.pinHint} issue={issueFor(`${pathPrefix}pin`)}>
        <input
          id={id('pin')}
          type="password"
          inputMode="numeric"
          value={values.pin}
          onChange={(e) => onChange('pin', e.target.value)}
          autoComplete="off"
        />
      </Field>
    </>
  );
}
