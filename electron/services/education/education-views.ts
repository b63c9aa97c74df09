import type { CallOutput } from '../../../shared/contract/calls';
import { actualHeadCount, summariseSurvey, type AgeBand } from '../../../shared/domain/education';
import { maskName, maskPhone } from '../../../shared/domain/masking';
import type { EducationGroupRow, EducationSessionRow, EducationWalkInRow } from '../../db/rows';
import type { Executor } from '../../db/repositories/executor';
import { attendanceCertificatesOf, groupsOf, surveyScoresOf, walkInsOf } from '../../db/repositories/education';
import { listStaff } from '../../db/repositories/staff';
import type { DataProtection } from '../kernel/data-protection';

export type SessionView = CallOutput<'education:schedule'>;
export type SessionSummary = CallOutput<'education:list'>['sessions'][number];
type GroupView = CallOutput<'education:get'>['groups'][number];
type WalkInView = CallOutput<'education:get'>['walkIns'][number];

export function toSessionView(row: EducationSessionRow): SessionView {
  return {
    id: row.id,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    date: row.session_date,
    venue: row.venue,
    host: row.host,
    audienceKind: row.audience_kind,
    expectedHeadCount: row.expected_head_count,
    state: row.state,
    cancelledAt: row.cancelled_at,
    version: row.version,
  };
}

/**
 * Sessions with their attendance (groups + walk-ins) and survey figures, in a few queries however
 * many sessions are listed.
 */
export async function readSessionSummaries(db: Executor, rows: EducationSessionRow[]): Promise<SessionSummary[]> {
  const ids = rows.map((row) => row.id);
  const [groups, walkIns, scores] = await Promise.all([groupsOf(db, ids), walkInsOf(db, ids), surveyScoresOf(db, ids)]);
  return rows.map((row) => {
    const groupCounts = groups.filter((group) => group.session_id === row.id).map((group) => group.head_count);
    const walkInCounts = walkIns.filter((entry) => entry.session_id === row.id).map((entry) => entry.count);
    return {
      ...toSessionView(row),
      groupCount: groupCounts.length,
      groupHeadCount: actualHeadCount(groupCounts, []),
      walkInCount: actualHeadCount([], walkInCounts),
      actualHeadCount: actualHeadCount(groupCounts, walkInCounts),
      survey: summariseSurvey(scores.filter((score) => score.session_id === row.id).map((score) => score.score)),
    };
  });
}

export async function readSessionSummary(db: Executor, row: EducationSessionRow): Promise<SessionSummary> {
  const [summary] = await readSessionSummaries(db, [row]);
  if (summary === undefined) throw new Error(`session ${row.id} has no summary`);
  return summary;
}

/** The groups of a session for staff: contact adult masked, with the attendance certificates issued for each. */
export async function readGroupViews(db: Executor, protection: DataProtection, rows: EducationGroupRow[]): Promise<GroupView[]> {
  const certificates = await attendanceCertificatesOf(db, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    organisation: row.organisation,
    contactName: maskName(protection.open(row.contact_name, 'education_group.contact_name')),
    contactPhone: maskPhone(protection.open(row.contact_phone, 'education_group.contact_phone')),
    headCount: row.head_count,
    ageBand: row.age_band as AgeBand,
    checkedInAt: row.checked_in_at,
    certificates: certificates.filter((entry) => entry.subject_id === row.id).map((entry) => entry.serial),
  }));
}

/** Walk-in entries with the display name of the staff member who counted them. */
export async function readWalkInViews(db: Executor, rows: EducationWalkInRow[]): Promise<WalkInView[]> {
  const names = new Map((await listStaff(db)).map((staff) => [staff.id, staff.display_name]));
  return rows.map((row) => ({
    id: row.id,
    count: row.count,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by === null ? null : (names.get(row.recorded_by) ?? null),
  }));
}
