import { randomUUID } from 'node:crypto';
import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import type { AuditAction } from '../../../shared/domain/audit';
import { ACCOUNT_LOCK_MINUTES, MAX_FAILED_ATTEMPTS, type StaffRole } from '../../../shared/domain/roles';
import type { SecretKind } from '../../../shared/validation/staff';
import type { StaffRow } from '../../db/rows';
import type { Executor } from '../../db/repositories/executor';
import {
  clearFailedAttempts,
  findStaffById,
  findStaffByUsername,
  insertStaff,
  listStaff,
  reserveAttempt,
  updateStaff,
} from '../../db/repositories/staff';
import { hashSecret, verifySecret } from '../../security/secrets';
import { AttemptThrottle } from './attempt-throttle';
import type { Actor } from '../kernel/audit';
import { AppError } from '../kernel/errors';
import { KeyedMutex } from '../kernel/keyed-mutex';
import type { SessionRegistry } from './staff-sessions';
import { mustChangeOf, StaffManagement, toStaffAccount } from './staff-management';
import type { StationContext } from '../kernel/context';

type SessionView = CallOutput<'session:get'>;
type StaffAccount = CallOutput<'staff:create'>;

export interface NewStaff {
  username: string;
  displayName: string;
  role: StaffRole;
  password: string;
  pin: string;
}

/**
 * Staff accounts, sign-in with lockout, and the lock and PIN unlock of a staff screen.
 *
 * Administrators are locked like everyone else, so five wrong passwords typed at the kiosk do lock
 * `admin` for 15 minutes. That is kept on purpose: an account spared the lock would be the one open to
 * endless guessing. A station keeps a second administrator account for such a quarter of an hour.
 */
export class AccountService {
  private unknownUserHash: Promise<string> | undefined;
  /** One password or PIN check at a time per account. */
  private readonly verifications = new KeyedMutex();
  /** One attempt at a time per session, and a wait after many failures in a row. */
  private readonly attempts: AttemptThrottle;
  /** The administrator's changes to existing accounts. */
  readonly management: StaffManagement;

  constructor(
    private readonly ctx: StationContext,
    private readonly sessions: SessionRegistry,
  ) {
    this.attempts = new AttemptThrottle(ctx.clock);
    this.management = new StaffManagement(ctx, sessions);
  }

  /** A new account row with its secrets hashed: slow on purpose, so done before any transaction opens. */
  async prepare(input: NewStaff): Promise<StaffRow> {
    return {
      id: randomUUID(),
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      password_hash: await hashSecret(input.password),
      pin_hash: await hashSecret(input.pin),
      failed_attempts: 0,
      locked_until: null,
      created_at: this.ctx.clock.now().toISOString(),
      active: 1,
      must_change_password: 0,
      must_change_pin: 0,
    };
  }

  /** Stores a prepared account inside the caller's transaction; the username must be free. */
  async insert(trx: Executor, row: StaffRow, actor: Actor, stationCode: string): Promise<StaffAccount> {
    if (await findStaffByUsername(trx, row.username)) {
      throw new AppError('username_taken', 'username taken');
    }
    await insertStaff(trx, row);
    await this.ctx.audit.append(trx, { actor, stationCode, action: 'account_create', objectType: 'staff', objectId: row.id });
    return toStaffAccount(row);
  }

  async create(input: ParsedInput<'staff:create'>, actor: Actor): Promise<StaffAccount> {
    const station = await this.ctx.station.require();
    const row = await this.prepare(input);
    return this.ctx.db.transaction().execute((trx) => this.insert(trx, row, actor, station.code));
  }

  async list(): Promise<CallOutput<'staff:list'>> {
    return { accounts: (await listStaff(this.ctx.db)).map(toStaffAccount) };
  }

  /** What the screen needs to know about the caller's session. */
  async view(sessionKey: string): Promise<SessionView> {
    const session = await this.sessions.current(sessionKey);
    const staff = session.staffId ? await findStaffById(this.ctx.db, session.staffId) : undefined;
    return {
      role: staff ? session.role : 'kiosk',
      staff: staff
        ? { id: staff.id, username: staff.username, displayName: staff.display_name, role: staff.role }
        : null,
      locked: staff ? session.locked : false,
      idleLockMinutes: await this.ctx.settings.idleLockMinutes(),
      mustChange: staff ? session.mustChange : [],
    };
  }

  /**
   * Signs a staff member in on this session. An unknown user, a disabled account, a wrong password and a
   * locked account all answer `login_failed` (the audit keeps the real reason), and an unknown or disabled
   * account costs a hash as a wrong password does, so neither the answer nor the work tells them apart.
   */
  async login(input: ParsedInput<'session:login'>, sessionKey: string): Promise<SessionView> {
    const station = await this.ctx.station.require();
    return this.attempts.run(sessionKey, async () => {
      const staff = await findStaffByUsername(this.ctx.db, input.username);
      if (!staff || staff.active !== 1) {
        this.unknownUserHash ??= hashSecret('no such account');
        await verifySecret(input.password, await this.unknownUserHash);
        await this.ctx.audit.record({
          actor: staff ? actorOf(staff) : { id: null, role: 'kiosk' },
          stationCode: station.code,
          action: 'login_failed',
          detail: staff ? { reason: 'account_disabled' } : undefined,
        });
        throw new AppError('login_failed');
      }
      const outcome = await this.checkSecret(staff, input.password, staff.password_hash, station.code, { success: 'login', failure: 'login_failed' });
      if (outcome !== 'matched') throw new AppError('login_failed');
      // Read again after the slow check: an account disabled, demoted or reset meanwhile signs in as it is now.
      const current = await findStaffById(this.ctx.db, staff.id);
      if (!current || current.active !== 1) throw new AppError('login_failed');
      this.sessions.signIn(sessionKey, current.id, current.role, mustChangeOf(current));
      return this.view(sessionKey);
    });
  }

  /** Changes the caller's own password, given the current one. */
  changePassword(input: ParsedInput<'session:changePassword'>, sessionKey: string): Promise<SessionView> {
    return this.changeOwnSecret('password', input, sessionKey);
  }

  /** Changes the caller's own PIN, given the current one. */
  changePin(input: ParsedInput<'session:changePin'>, sessionKey: string): Promise<SessionView> {
    return this.changeOwnSecret('pin', input, sessionKey);
  }

  /**
   * The current secret is checked under the account's lockout like a sign-in, so a screen left open does
   * not let someone else guess it; the new one must differ, which makes a reset's temporary value go away.
   */
  private async changeOwnSecret(kind: SecretKind, input: { current: string; next: string }, sessionKey: string): Promise<SessionView> {
    const session = await this.sessions.current(sessionKey);
    const station = await this.ctx.station.require();
    const staff = session.staffId ? await findStaffById(this.ctx.db, session.staffId) : undefined;
    if (!staff) throw new AppError('not_signed_in');
    if (input.next === input.current) throw new AppError('secret_unchanged');
    return this.attempts.run(sessionKey, async () => {
      const storedHash = kind === 'password' ? staff.password_hash : staff.pin_hash;
      const outcome = await this.checkSecret(staff, input.current, storedHash, station.code, { failure: 'secret_change_failed' });
      if (outcome === 'wrong') throw new AppError('current_secret_incorrect');
      if (outcome !== 'matched') {
        this.sessions.signOut(sessionKey);
        throw new AppError('account_locked');
      }
      const hash = await hashSecret(input.next);
      await this.ctx.db.transaction().execute(async (trx) => {
        await updateStaff(trx, staff.id, kind === 'password' ? { password_hash: hash, must_change_password: 0 } : { pin_hash: hash, must_change_pin: 0 });
        await this.ctx.audit.append(trx, { actor: actorOf(staff), stationCode: station.code, action: 'secret_change', objectType: 'staff', objectId: staff.id, detail: { secret: kind } });
      });
      this.sessions.secretChanged(staff.id, kind);
      return this.view(sessionKey);
    });
  }

  async logout(sessionKey: string): Promise<SessionView> {
    const session = await this.sessions.current(sessionKey);
    const station = await this.ctx.station.get();
    if (session.staffId && station) {
      await this.ctx.audit.record({ actor: { id: session.staffId, role: session.role }, stationCode: station.code, action: 'logout' });
    }
    this.sessions.signOut(sessionKey);
    return this.view(sessionKey);
  }

  async lock(sessionKey: string): Promise<SessionView> {
    const session = await this.sessions.current(sessionKey);
    const station = await this.ctx.station.require();
    this.sessions.setLocked(sessionKey, true);
    await this.ctx.audit.record({ actor: { id: session.staffId, role: session.role }, stationCode: station.code, action: 'lock' });
    return this.view(sessionKey);
  }

  /** Reopens a locked screen with the PIN; wrong PINs count towards the same lockout as passwords. */
  async unlock(input: ParsedInput<'session:unlock'>, sessionKey: string): Promise<SessionView> {
    const session = await this.sessions.current(sessionKey);
    const station = await this.ctx.station.require();
    const staff = session.staffId ? await findStaffById(this.ctx.db, session.staffId) : undefined;
    if (!staff) throw new AppError('not_signed_in');
    return this.attempts.run(sessionKey, async () => {
      const outcome = await this.checkSecret(staff, input.pin, staff.pin_hash, station.code, { success: 'unlock', failure: 'unlock_failed' });
      if (outcome === 'wrong') throw new AppError('pin_incorrect');
      if (outcome !== 'matched') {
        // The staff member is known here, so the lock is named; the screen goes back to the kiosk.
        this.sessions.signOut(sessionKey);
        throw new AppError('account_locked');
      }
      this.sessions.setLocked(sessionKey, false);
      return this.view(sessionKey);
    });
  }

  /**
   * Checks a password or PIN under the account's lockout, one check at a time per account: the attempt is
   * counted before the slow hash (see `reserveAttempt`), so parallel attempts cannot pass the limit, and
   * the count is cleared only by a match. A locked account is refused without hashing.
   */
  private checkSecret(
    staff: StaffRow,
    secret: string,
    storedHash: string,
    stationCode: string,
    actions: { success?: AuditAction; failure: AuditAction },
  ): Promise<'matched' | 'wrong' | 'now_locked' | 'locked'> {
    const actor = actorOf(staff);
    return this.verifications.run(staff.id, async () => {
      const now = this.ctx.clock.now();
      const reserved = await reserveAttempt(this.ctx.db, staff.id, {
        now: now.toISOString(),
        lockUntil: new Date(now.getTime() + ACCOUNT_LOCK_MINUTES * 60_000).toISOString(),
        maxAttempts: MAX_FAILED_ATTEMPTS,
      });
      if (!reserved) {
        await this.ctx.audit.record({ actor, stationCode, action: 'login_failed', detail: { reason: 'account_locked' } });
        return 'locked';
      }
      const matched = await verifySecret(secret, storedHash);
      await this.ctx.db.transaction().execute(async (trx) => {
        if (matched) await clearFailedAttempts(trx, staff.id);
        const action = matched ? actions.success : actions.failure;
        if (action) await this.ctx.audit.append(trx, { actor, stationCode, action });
        if (!matched && reserved.lockedUntil) await this.ctx.audit.append(trx, { actor, stationCode, action: 'account_locked' });
      });
      if (matched) return 'matched';
      return reserved.lockedUntil ? 'now_locked' : 'wrong';
    });
  }
}

function actorOf(staff: StaffRow): Actor {
  return { id: staff.id, role: staff.role };
}
