import { useT } from '../i18n/index';
import { roles, type Role } from '../../shared/domain/roles';
import { SYSTEM_ACTOR_ROLE } from '../../shared/domain/audit';

type NamedRole = Role | typeof SYSTEM_ACTOR_ROLE;

function isNamedRole(value: string): value is NamedRole {
  return value === SYSTEM_ACTOR_ROLE || (roles as readonly string[]).includes(value);
}

/** A role's name in the language on screen; a role this build does not know is shown as recorded. */
export function useRoleName(): (role: string) => string {
  const { t } = useT();
  return (role) => (isNamedRole(role) ? t(`staff:role.${role}`) : role);
}
