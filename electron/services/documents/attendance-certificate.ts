import { shortOrganisation } from '../../../shared/domain/education';
import type { DocumentRow } from '../../db/rows';
import { findGroup, findSession } from '../../db/repositories/education';
import type { Executor } from '../../db/repositories/executor';
import type { AttendanceCertificateModel, DocumentHeader } from '../../pdf/index';
import { AppError } from '../kernel/errors';

/**
 * An attendance certificate is issued to a group that checked in (its subject id is the group's id):
 * one certificate per group, naming the organisation, the session's title and day, and the group's
 * head count. It attests a session that has been held: groups check in before the start, and a
 * certificate printed then would attest what has not happened yet (and might be cancelled). It names
 * no person, so the QR code carries the organisation (shortened to the payload's limit).
 */
export async function resolveAttendanceSubject(trx: Executor, groupId: string, now: Date): Promise<{ personId: null; maskedName: string }> {
  const { group, session } = await attendanceOf(trx, groupId);
  if (now.getTime() < Date.parse(session.starts_at)) throw new AppError('session_not_held');
  return { personId: null, maskedName: shortOrganisation(group.organisation) };
}

/** The certificate's facts, from the group and its session, for an issued copy. */
export async function attendanceCertificateModel(db: Executor, document: DocumentRow, header: DocumentHeader): Promise<AttendanceCertificateModel> {
  const { group, session } = await attendanceOf(db, document.subject_id);
  return { ...header, organisation: group.organisation, sessionTitle: session.title, attendedOn: session.session_date, headCount: group.head_count };
}

/** A group and its session; a cancelled session is attended by nobody, so it has no certificates. */
async function attendanceOf(db: Executor, groupId: string) {
  const group = await findGroup(db, groupId);
  if (!group) throw new AppError('not_found');
  const session = await findSession(db, group.session_id);
  if (!session) throw new AppError('not_found');
  if (session.state === 'cancelled') throw new AppError('session_cancelled');
  return { group, session };
}

