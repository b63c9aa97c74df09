import type { DocumentSubjectType } from '../../../shared/domain/documents';
import { maskName } from '../../../shared/domain/masking';
import type { SerialDocument } from '../../../shared/domain/registration-number';
import type { Executor } from '../../db/repositories/executor';
import { findPersonById } from '../../db/repositories/people';
import { findRegistration, registrationsOf } from '../../db/repositories/registrations';
import type { DataProtection } from '../kernel/data-protection';
import { AppError } from '../kernel/errors';
import { resolveAttendanceSubject } from './attendance-certificate';
import { openPersonal } from '../registration/person-registry';

/** The certificates given to the executor or family after a donation. */
const AFTER_DONATION: ReadonlySet<SerialDocument> = new Set(['memorial_certificate', 'honour_certificate']);

/** The record a document is issued for, as the issuing form names it. */
export interface DocumentSubject {
  type: DocumentSubjectType;
  id: string;
}

/** What a document needs to know of its subject: whose it is, and the name its QR code shows masked. */
export interface ResolvedSubject {
  personId: string | null;
  maskedName: string;
  /** The version of the registration the document attests, as it stands in the issuing transaction. */
  version: number | null;
}

/**
 * Finds the record a document is about and checks that the document may be issued for it now: a
 * registration certificate attests an active registration, and a donor card is carried by someone
 * with at least one. A receipt may follow a withdrawal too, and the certificates given after a donation
 * are for people whose registration has been realised, and an attendance certificate for a session
 * that has started by `now`. Runs inside the issuing transaction.
 */
export async function resolveSubject(
  trx: Executor,
  protection: DataProtection,
  kind: SerialDocument,
  subject: DocumentSubject,
  now: Date,
): Promise<ResolvedSubject> {
  if (subject.type === 'registration') {
    const registration = await findRegistration(trx, subject.id);
    if (!registration) throw new AppError('not_found');
    if (kind === 'registration_certificate' && registration.state !== 'active') throw new AppError('registration_not_active');
    return { ...(await personSubject(trx, protection, registration.person_id)), version: registration.version };
  }
  if (subject.type === 'person') {
    const resolved = await personSubject(trx, protection, subject.id);
    if (kind === 'donor_card' && !(await registrationsOf(trx, [subject.id])).some((row) => row.state === 'active')) {
      throw new AppError('registration_not_active');
    }
    if (AFTER_DONATION.has(kind) && !(await registrationsOf(trx, [subject.id])).some((row) => row.state === 'realised')) {
      throw new AppError('donation_not_realised');
    }
    return resolved;
  }
  // A session's attendance certificate is issued per group: the subject id is the group's check-in.
  return { ...(await resolveAttendanceSubject(trx, subject.id, now)), version: null };
}

async function personSubject(trx: Executor, protection: DataProtection, personId: string): Promise<ResolvedSubject> {
  const person = await findPersonById(trx, personId);
  if (!person) throw new AppError('not_found');
  return { personId: person.id, maskedName: maskName(openPersonal(protection, person).name), version: null };
}
