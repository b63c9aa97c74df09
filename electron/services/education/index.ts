import type { StationContext } from '../kernel/context';
import { EducationAttendance } from './education-attendance';
import { EducationRecords } from './education-records';
import { EducationSchedule } from './education-sessions';
import { SurveyCoolDown } from './education-survey-guard';

/** The services of a life-education base: the schedule, attendance and survey, and the staff read model. */
export interface EducationServices {
  schedule: EducationSchedule;
  attendance: EducationAttendance;
  records: EducationRecords;
}

/** The education area on one station. */
export function createEducationServices(ctx: StationContext): EducationServices {
  const records = new EducationRecords(ctx);
  return {
    schedule: new EducationSchedule(ctx),
    attendance: new EducationAttendance(ctx, records, new SurveyCoolDown(ctx.clock)),
    records,
  };
}
