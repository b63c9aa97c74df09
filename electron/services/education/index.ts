import type { Kysely } from 'kysely';
import type { StationDatabase } from '../../db/schema';
import type { AuditTrail } from '../kernel/audit';
import type { Clock } from '../kernel/clock';
import type { DataProtection } from '../kernel/data-protection';
import { EducationAttendance } from './education-attendance';
import { EducationRecords } from './education-records';
import { EducationSchedule } from './education-sessions';
import { SurveyCoolDown } from './education-survey-guard';
import type { StationService } from '../kernel/station';

/** The services of a life-education base: the schedule, attendance and survey, and the staff read model. */
export interface EducationServices {
  schedule: EducationSchedule;
  attendance: EducationAttendance;
  records: EducationRecords;
}

export function createEducationServices(
  db: Kysely<StationDatabase>,
  clock: Clock,
  station: StationService,
  protection: DataProtection,
  audit: AuditTrail,
): EducationServices {
  const records = new EducationRecords(db, clock, protection, audit);
  return {
    schedule: new EducationSchedule(db, clock, station, protection, audit),
    attendance: new EducationAttendance(db, clock, station, protection, audit, records, new SurveyCoolDown(clock)),
    records,
  };
}
