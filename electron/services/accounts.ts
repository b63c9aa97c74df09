import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CallOutput, ParsedInput } from '../../shared/contract/calls';
import { ACCOUNT_LOCK_MINUTES, MAX_FAILED_ATTEMPTS, type StaffRole } from '../../shared/domain/roles';
import type { StationDatabase, StaffTable } from '../db/schema';
import type { Executor } from '../db/repositories/executor';
import {
  clearFailedAttempts,
  findStaffById,
  findStaffByUsername,
  insertStaff,
  listStaff,
  recordFailedAttempt,
} from '../db/repositories/staff';
import { hashSecret, verifySecret } from '../security/secrets';
import type { Actor, AuditTrail } from './audit';
import type { Clock } from './clock';
import { AppError } from './errors';
import type { SessionRegistry } from './sessions';
import type { StationSettings } from './settings';
import type { StationService } from './station';

type SessionView = CallOutput<'session:get'>;
type StaffAccount = CallOutput<'staff:create'>;

function toStaffAccount(row: StaffTable): StaffAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as StaffRole,
    createdAt: row.created_at,
    lockedUntil: row.locked_until,
  };
}

export interface NewStaff {
  username: string;
  displayName: string;
  role: StaffRole;
  password: string;
  pin: string;
}

/** Staff accounts, sign-in with lockout, and the lock and PIN unlock of a staff screen. */
export class AccountService {
  private unknownUserHash: Promise<string> | undefined;

  constructor(
    private readonly db: Kysely<StationDatabase>,
    private readonly clock: Clock,
    private readonly sessions: SessionRegistry,
    private readonly settings: StationSettings,
    private readonly audit: AuditTrail,
    private readonly station: StationService,
  ) {}

  /** A new account row with its secrets hashed: slow on purpose, so done before any transaction opens. */
  async prepare(input: NewStaff): Promise<StaffTable> {
    return {
      id: randomUUID(),
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      password_hash: await hashSecret(input.password),
      pin_hash: await hashSecret(input.pin),
      failed_attempts: 0,
      locked_until: null,
      created_at: this.clock.now().toISOString(),
    };
  }

  /** Stores a prepared account inside the caller's transaction; the username must be free. */
  async insert(trx: Executor, row: StaffTable, actor: Actor, stationCode: string): Promise<StaffAccount> {
    if (await findStaffByUsername(trx, row.username)) {
      throw new AppError('username_taken', 'username taken');
    }
    await insertStaff(trx, row);
    await this.audit.append(trx, { actor, stationCode, action: 'account_create', objectType: 'staff', objectId: row.id });
    return toStaffAccount(row);
  }

  async create(input: ParsedInput<'staff:create'>, actor: Actor): Promise<StaffAccount> {
    const station = await this.station.require();
    const row = await this.prepare(input);
    return this.db.transaction().execute((trx) => this.insert(trx, row, actor, station.code));
  }

  async list(): Promise<CallOutput<'staff:list'>> {
    return { accounts: (await listStaff(this.db)).map(toStaffAccount) };
  }

  /** What the screen needs to know about the caller's session. */
  async view(sessionKey: string): Promise<SessionView> {
    const session = await this.sessions.current(sessionKey);
    const staff = session.staffId ? await findStaffById(this.db, session.staffId) : undefined;
    return {
      role: staff ? session.role : 'kiosk',
      staff: staff
        ? { id: staff.id, username: staff.username, displayName: staff.display_name, role: staff.role as StaffRole }
        : null,
      locked: staff ? session.locked : false,
      idleLockMinutes: await this.settings.idleLockMinutes(),
    };
  }

  /**
   * Signs a staff member in on this session. The same answer for an unknown user and a wrong password,
   * and the same work (a hash) for both, so neither the message nor the time tells which usernames exist.
   */
  async login(input: ParsedInput<'session:login'>, sessionKey: string): Promise<SessionView> {
    const station = await this.station.require();
    const username = input.username.normalize('NFKC').trim().toLowerCase();
    const staff = await findStaffByUsername(this.db, username);
    if (!staff) {
      this.unknownUserHash ??= hashSecret('no such account');
      await verifySecret(input.password, await this.unknownUserHash);
      await this.audit.record({ actor: { id: null, role: 'kiosk' }, stationCode: station.code, action: 'login_failed' });
      throw new AppError('login_failed');
    }
    await this.checkNotLocked(staff, station.code);
    if (!(await verifySecret(input.password, staff.password_hash))) {
      const nowLocked = await this.recordFailure(staff, station.code, 'login_failed');
      throw new AppError(nowLocked ? 'account_locked' : 'login_failed');
    }
    await this.db.transaction().execute(async (trx) => {
      await clearFailedAttempts(trx, staff.id);
      await this.audit.append(trx, { actor: actorOf(staff), stationCode: station.code, action: 'login' });
    });
    this.sessions.signIn(sessionKey, staff.id, staff.role as StaffRole);
    return this.view(sessionKey);
  }

  async logout(sessionKey: string): Promise<SessionView> {
    const session = await this.sessions.current(sessionKey);
    const station = await this.station.get();
    if (session.staffId && station) {
      await this.audit.record({ actor: { id: session.staffId, role: session.role }, stationCode: station.code, action: 'logout' });
    }
    this.sessions.signOut(sessionKey);
    return this.view(sessionKey);
  }

  async lock(sessionKey: string): Promise<SessionView> {
    const session = await this.sessions.current(sessionKey);
    const station = await this.station.require();
    this.sessions.setLocked(sessionKey, true);
    await this.audit.record({ actor: { id: session.staffId, role: session.role }, stationCode: station.code, action: 'lock' });
    return this.view(sessionKey);
  }

  /** Reopens a locked screen with the PIN; wrong PINs count towards the same lockout as passwords. */
  async unlock(input: ParsedInput<'session:unlock'>, sessionKey: string): Promise<SessionView> {
    const session = await this.sessions.current(sessionKey);
    const station = await this.station.require();
    const staff = session.staffId ? await findStaffById(this.db, session.staffId) : undefined;
    if (!staff) throw new AppError('not_signed_in');
    try {
      await this.checkNotLocked(staff, station.code);
    } catch (error) {
      this.sessions.signOut(sessionKey);
      throw error;
    }
    if (!(await verifySecret(input.pin, staff.pin_hash))) {
      const nowLocked = await this.recordFailure(staff, station.code, 'unlock_failed');
      if (nowLocked) {
        this.sessions.signOut(sessionKey);
        throw new AppError('account_locked');
      }
      throw new AppError('pin_incorrect');
    }
    await this.db.transaction().execute(async (trx) => {
      await clearFailedAttempts(trx, staff.id);
      await this.audit.append(trx, { actor: actorOf(staff), stationCode: station.code, action: 'unlock' });
    });
    this.sessions.setLocked(sessionKey, false);
    return this.view(sessionKey);
  }

  private async checkNotLocked(staff: StaffTable, stationCode: string): Promise<void> {
    if (staff.locked_until && staff.locked_until > this.clock.now().toISOString()) {
      await this.audit.record({ actor: actorOf(staff), stationCode, action: 'login_failed', detail: { reason: 'account_locked' } });
      throw new AppError('account_locked');
    }
  }

  /** Counts a failed attempt; the fifth in a row locks the account. Returns whether it is now locked. */
  private async recordFailure(staff: StaffTable, stationCode: string, action: 'login_failed' | 'unlock_failed'): Promise<boolean> {
    const attempts = staff.failed_attempts + 1;
    const locks = attempts >= MAX_FAILED_ATTEMPTS;
    const lockedUntil = locks ? new Date(this.clock.now().getTime() + ACCOUNT_LOCK_MINUTES * 60_000).toISOString() : null;
    await this.db.transaction().execute(async (trx) => {
      await recordFailedAttempt(trx, staff.id, locks ? 0 : attempts, lockedUntil);
      await this.audit.append(trx, { actor: actorOf(staff), stationCode, action });
      if (locks) await this.audit.append(trx, { actor: actorOf(staff), stationCode, action: 'account_locked' });
    });
    return locks;
  }
}

function actorOf(staff: StaffTable): Actor {
  return { id: staff.id, role: staff.role };
}
