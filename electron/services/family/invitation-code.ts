import { randomInt } from 'node:crypto';
import { INVITATION_CODE_ALPHABET, INVITATION_CODE_LENGTH } from '../../../shared/domain/family';
import { invitationCodeTaken } from '../../db/repositories/family';
import type { Executor } from '../../db/repositories/executor';

/** A random invitation code: 8 characters of the unambiguous alphabet (31^8 ≈ 8.5 × 10^11 codes). */
export function randomInvitationCode(): string {
  let code = '';
  for (let index = 0; index < INVITATION_CODE_LENGTH; index += 1) code += INVITATION_CODE_ALPHABET[randomInt(INVITATION_CODE_ALPHABET.length)];
  return code;
}

/** A code no invitation holds yet; drawn again on the rare clash. */
export async function freshInvitationCode(db: Executor): Promise<string> {
  for (;;) {
    const code = randomInvitationCode();
    if (!(await invitationCodeTaken(db, code))) return code;
  }
}
