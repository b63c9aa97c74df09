import { useT } from '../../i18n/index';
import { secretKinds } from '../../../shared/validation/staff';
import type { Session } from '../../session';
import { SecretChangeForm } from './SecretChangeForm';

interface MyAccountScreenProps {
  session: Session;
  onChanged: (session: Session) => void;
  onAccountLocked: () => void;
}

/**
 * Where every staff member changes their own password and PIN. Right after signing in with a value an
 * administrator reset, it is the only screen: it shows just what must be changed, and why.
 */
export function MyAccountScreen({ session, onChanged, onAccountLocked }: MyAccountScreenProps) {
  const { t } = useT();
  const required = session.mustChange;
  const kinds = required.length > 0 ? required : secretKinds;
  return (
    <section className="panel" aria-labelledby="my-account-title">
      <h1 id="my-account-title">{t('staff:myAccount.title')}</h1>
      <p className="lead">{required.length > 0 ? t('staff:myAccount.required') : t('staff:myAccount.intro')}</p>
      {kinds.map((kind) => (
        <SecretChangeForm key={kind} kind={kind} onChanged={onChanged} onAccountLocked={onAccountLocked} />
      ))}
    </section>
  );
}
