import { z } from 'zod';
import { consoleCall } from './call';
import { anyConsoleRole } from './roles';
import { consolePassword, consoleSessionView } from './values';

/** Signing in and out, who is signed in, and one's own password. */
export const sessionCalls = {
  /** Starts a session (the HTTP side sets its cookie); failures count towards the account's lock. */
  'session:signIn': consoleCall(
    z.object({ username: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(200) }),
    consoleSessionView,
    anyConsoleRole,
    { signedOut: true },
  ),
  /** Ends the session (and its cookie). */
  'session:signOut': consoleCall(z.undefined(), z.null(), anyConsoleRole, { duringPasswordChange: true, audited: true }),
  /** Who is signed in: what a screen asks first. */
  'session:current': consoleCall(z.undefined(), consoleSessionView, anyConsoleRole, { duringPasswordChange: true }),
  /** Replaces one's own password; the account's other sessions end. */
  'session:changePassword': consoleCall(
    z.object({ currentPassword: z.string().min(1).max(200), newPassword: consolePassword }),
    consoleSessionView,
    anyConsoleRole,
    { duringPasswordChange: true, audited: true },
  ),
} as const;
