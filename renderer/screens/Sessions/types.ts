import type { CallOutput } from '../../../shared/contract/calls';

/** A session as scheduled. */
export type SessionView = CallOutput<'education:schedule'>;
/** A session with its head counts and survey figures, as the list shows it. */
export type SessionSummary = CallOutput<'education:list'>['sessions'][number];
/** One session in full: groups (contact adults masked), walk-ins, survey. */
export type SessionDetail = CallOutput<'education:get'>;
export type GroupView = SessionDetail['groups'][number];
