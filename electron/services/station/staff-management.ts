import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import type { SecretKind } from '../../../shared/validation/staff';
import type { StaffRow } from '../../db/rows';
import type { Executor } from '../../db/repositories/executor';
import { countOtherActiveAdmins, findStaffById, updateStaff } from '../../db/repositories/staff';
import { hashSecret } from '../../security/secrets';
import type { Actor } from '../kernel/audit';
import { AppError } from '../kernel/errors';
import type { SessionRegistry } from './staff-sessions';
import type { StationContext } from '../kernel/context';

type StaffAccount = CallOutput<'staff:create'>;

export function mustChangeOf(row: StaffRow): SecretKind[] {
  const kinds: SecretKind[] = [];
  if (row.must_change_password) kinds.push('password');
  if (row.must_change_pin) kinds.push('pin');
  return kinds;
}

export function toStaffAccount(row: StaffRow): StaffAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    createdAt: row.created_at,
    lockedUntil: row.locked_until,
    active: row.active === 1,
    mustChange: mustChangeOf(row),
  };
}

/**
 * What an administrator does to existing accounts: disable and re-enable, change the role, lift a lock,
 * and set a temporary password or PIN. Each change is audited in the transaction that makes it, and the
 * station always keeps one active administrator (`last_admin`).
 */
export class StaffManagement {
  constructor(
    private readonly ctx: StationContext,
    private readonly sessions: SessionRegistry,
  ) {}

  /** A disabled account cannot sign in and its open sessions end at once; re-enabling restores it. */
  async setActive(input: ParsedInput<'staff:setActive'>, actor: Actor): Promise<StaffAccount> {
    const row = await this.change(input.staffId, actor, async (trx, staff) => {
      if (!input.active && staff.role === 'admin') await requireAnotherAdmin(trx, staff.id);
      if ((staff.active === 1) === input.active) return undefined;
      await updateStaff(trx, staff.id, { active: input.active ? 1 : 0 });
      return { action: input.active ? 'account_enable' : 'account_disable' };
    });
    if (!input.active) this.sessions.signOutStaff(row.id);
    return toStaffAccount(row);
  }

  /** A new role applies from the next sign-in: the account's open sessions end, so none keeps the old rights. */
  async setRole(input: ParsedInput<'staff:setRole'>, actor: Actor): Promise<StaffAccount> {
    let changed = false;
    const row = await this.change(input.staffId, actor, async (trx, staff) => {
      if (staff.role === input.role) return undefined;
      if (staff.role === 'admin' && staff.active === 1) await requireAnotherAdmin(trx, staff.id);
      await updateStaff(trx, staff.id, { role: input.role });
      changed = true;
      return { action: 'account_role_change', detail: { from: staff.role, to: input.role } };
    });
    if (changed) this.sessions.signOutStaff(row.id);
    return toStaffAccount(row);
  }

  /** Lifts the lock that failed attempts set, and clears the count. */
  async unlock(input: ParsedInput<'staff:unlock'>, actor: Actor): Promise<StaffAccount> {
    const row = await this.change(input.staffId, actor, async (trx, staff) => {
      await updateStaff(trx, staff.id, { failed_attempts: 0, locked_until: null });
      return { action: 'account_unlock' };
    });
    return toStaffAccount(row);
  }

  /**
   * Sets a temporary password or PIN that its owner must replace at the next sign-in. The account's open
   * sessions end, and a lock from failed attempts is lifted: a reset is what a person who forgot needs.
   */
  async resetSecret(input: ParsedInput<'staff:resetSecret'>, actor: Actor): Promise<StaffAccount> {
    const hash = await hashSecret(input.newValue);
    const row = await this.change(input.staffId, actor, async (trx, staff) => {
      await updateStaff(
        trx,
        staff.id,
        input.secret === 'password'
          ? { password_hash: hash, must_change_password: 1, failed_attempts: 0, locked_until: null }
          : { pin_hash: hash, must_change_pin: 1, failed_attempts: 0, locked_until: null },
      );
      return { action: 'secret_reset', detail: { secret: input.secret } };
    });
    this.sessions.signOutStaff(row.id);
    return toStaffAccount(row);
  }

  /** Runs one change of an account in a transaction, audits it when something changed, returns the row after. */
  private async change(
    staffId: string,
    actor: Actor,
    apply: (trx: Executor, staff: StaffRow) => Promise<{ action: StaffAuditAction; detail?: Record<string, unknown> } | undefined>,
  ): Promise<StaffRow> {
    const station = await this.ctx.station.require();
    return this.ctx.db.transaction().execute(async (trx) => {
      const staff = await findStaffById(trx, staffId);
      if (!staff) throw new AppError('not_found');
      const audited = await apply(trx, staff);
      if (audited) {
        await this.ctx.audit.append(trx, { actor, stationCode: station.code, action: audited.action, objectType: 'staff', objectId: staff.id, detail: audited.detail });
      }
      return (await findStaffById(trx, staffId)) as StaffRow;
    });
  }
}

type StaffAuditAction = 'account_disable' | 'account_enable' | 'account_role_change' | 'account_unlock' | 'secret_reset';

/** Refuses to take away the last active administrator: nobody could manage the station after it. */
async function requireAnotherAdmin(trx: Executor, staffId: string): Promise<void> {
  if ((await countOtherActiveAdmins(trx, staffId)) === 0) throw new AppError('last_admin');
}
