import type { CallOutput } from '../../../shared/contract/calls';

export type MemorialEntryView = CallOutput<'nameList:add'>;

/** What the desk just did, for the status line above the list. */
export type DeskDone = { action: 'add'; name: string } | { action: 'withdraw' };
