import type { CallOutput } from '../../../shared/contract/calls';
import type { AidStep } from '../../../shared/domain/aid';

/** One aid case as the station sends it (the list leaves its sealed texts out). */
export type AidCase = CallOutput<'aid:get'>;

/** What the screen shows of a case, open from the list, or the list itself. */
export type AidView = { kind: 'list' } | { kind: 'apply' } | { kind: 'case'; caseId: string };

/** A step just taken on a case, for the status line above it. */
export type OnStepTaken = (updated: AidCase, step: AidStep) => void;
