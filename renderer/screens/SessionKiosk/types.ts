import type { CallOutput } from '../../../shared/contract/calls';

/** A session as the public kiosk shows it. */
export type KioskSession = CallOutput<'education:today'>['sessions'][number];
