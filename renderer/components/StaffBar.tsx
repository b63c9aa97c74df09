import { useT } from '../i18n/index';
import { useRoleName } from '../hooks/useRoleName';
import type { Session } from '../session';

interface StaffBarProps {
  session: Session;
  onSignIn: () => void;
  onLock: () => void;
  onSignOut: () => void;
}

/** Who is signed in at this screen, with the way to lock it or sign out; at a kiosk, the way in for staff. */
export function StaffBar({ session, onSignIn, onLock, onSignOut }: StaffBarProps) {
  const { t } = useT();
  const roleName = useRoleName();
  if (session.staff === null) {
    return (
      <div className="staff-bar">
        <button type="button" onClick={onSignIn}>
          {t('staff:session.signIn')}
        </button>
      </div>
    );
  }
  return (
    <div className="staff-bar" role="group" aria-label={t('staff:session.label')}>
      <span className="staff-bar__who">
        <strong data-testid="staff-name">{session.staff.displayName}</strong>
        <span data-testid="staff-role">{roleName(session.staff.role)}</span>
      </span>
      <button type="button" onClick={onLock}>
        {t('staff:session.lock')}
      </button>
      <button type="button" onClick={onSignOut}>
        {t('staff:session.signOut')}
      </button>
    </div>
  );
}
