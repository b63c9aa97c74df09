import type { Role, StaffRole } from '../../../shared/domain/roles';
import type { SecretKind } from '../../../shared/validation/staff';
import type { StationContext } from '../kernel/context';

/** Who is at one window (desktop app) or one browser tab (station host), and whether it is locked. */
export interface Session {
  role: Role;
  staffId: string | null;
  locked: boolean;
  lastActivityAt: number;
  /** Secrets an administrator reset: until they are changed, only the calls that change them go through. */
  mustChange: SecretKind[];
}

/**
 * Sessions by the key the transport gives each caller. Kept in memory only: a restart signs everyone
 * out, which is what a station that was switched off should do.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly ctx: StationContext) {}

  /**
   * The caller's session, locked first when a staff member has been idle too long: the lock is the
   * station's rule, not only the screen's, so a page that stops sending its idle signal still locks.
   */
  async current(key: string): Promise<Session> {
    const session = this.sessions.get(key);
    if (!session) return { role: 'kiosk', staffId: null, locked: false, lastActivityAt: this.ctx.clock.now().getTime(), mustChange: [] };
    if (session.role !== 'kiosk' && !session.locked) {
      const idleMs = (await this.ctx.settings.idleLockMinutes()) * 60_000;
      if (this.ctx.clock.now().getTime() - session.lastActivityAt >= idleMs) session.locked = true;
    }
    return session;
  }

  /** Records activity: the idle time counts from the last call that went through. */
  touch(key: string): void {
    const session = this.sessions.get(key);
    if (session) session.lastActivityAt = this.ctx.clock.now().getTime();
  }

  signIn(key: string, staffId: string, role: StaffRole, mustChange: SecretKind[] = []): void {
    this.sessions.set(key, { role, staffId, locked: false, lastActivityAt: this.ctx.clock.now().getTime(), mustChange });
  }

  signOut(key: string): void {
    this.sessions.delete(key);
  }

  /** Ends every open session of one staff member at once (account disabled, role changed, secret reset). */
  signOutStaff(staffId: string): void {
    for (const [key, session] of this.sessions) {
      if (session.staffId === staffId) this.sessions.delete(key);
    }
  }

  /** Marks a secret as changed on every open session of its owner. */
  secretChanged(staffId: string, secret: SecretKind): void {
    for (const session of this.sessions.values()) {
      if (session.staffId === staffId) session.mustChange = session.mustChange.filter((kind) => kind !== secret);
    }
  }

  setLocked(key: string, locked: boolean): void {
    const session = this.sessions.get(key);
    if (!session) return;
    session.locked = locked;
    session.lastActivityAt = this.ctx.clock.now().getTime();
  }
}
