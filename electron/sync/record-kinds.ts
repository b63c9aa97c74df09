import type { SyncRecordKind } from '../../shared/domain/sync';
import { syncRecordKinds } from '../../shared/domain/sync';

/**
 * What each record kind carries to the province under schema version 1 (docs/sync-protocol.md §5.3).
 * The outbox keeps each change as its service queued it; this is the one place that decides which of
 * its fields leave the station. Memorial visits and education records leave without any name, phone or
 * free text a visitor wrote (a visit's name, a group's name, a contact adult, a survey comment, a
 * cancellation reason): the province needs the figures, not the people.
 */
type Row = Record<string, unknown>;
type Projection = (stored: Row) => Row;

const unchanged: Projection = (stored) => stored;

/** Picks fields of a stored table row under their camelCase names; a missing field travels as null. */
function pick(fields: Record<string, string>): Projection {
  return (stored) => Object.fromEntries(Object.entries(fields).map(([wire, column]) => [wire, stored[column] ?? null]));
}

const projections: Record<SyncRecordKind, Projection> = {
  registration: unchanged,
  person: unchanged,
  refusal: unchanged,
  document: unchanged,
  memorial_entry: unchanged,
  aid_case: unchanged,
  // Queued without names, phones, addresses or notes (electron/services/family/family-sync.ts).
  donor_family: unchanged,
  family_care_year: unchanged,
  tombstone: unchanged,
  visitor_sign_in: pick({
    id: 'id',
    stationCode: 'station_code',
    visitedAt: 'visited_at',
    partySize: 'party_size',
    purpose: 'purpose',
    relation: 'relation',
    version: 'version',
  }),
  visitor_message: (stored) => {
    const decision = pick({ id: 'id', signInId: 'sign_in_id', stationCode: 'station_code', writtenAt: 'written_at', state: 'state', decidedAt: 'decided_at' })(stored);
    if (stored.state !== 'approved') return decision;
    return { ...decision, ...pick({ body: 'body', authorMasked: 'author_masked', relation: 'relation' })(stored) };
  },
  education_session: pick({
    id: 'id',
    stationCode: 'station_code',
    title: 'title',
    startsAt: 'starts_at',
    endsAt: 'ends_at',
    sessionDate: 'session_date',
    venue: 'venue',
    host: 'host',
    audienceKind: 'audience_kind',
    expectedHeadCount: 'expected_head_count',
    state: 'state',
    cancelledAt: 'cancelled_at',
    cancelledBy: 'cancelled_by',
    version: 'version',
    createdAt: 'created_at',
    createdBy: 'created_by',
    updatedAt: 'updated_at',
  }),
  education_group: pick({
    id: 'id',
    sessionId: 'session_id',
    stationCode: 'station_code',
    organisation: 'organisation',
    headCount: 'head_count',
    ageBand: 'age_band',
    checkedInAt: 'checked_in_at',
    checkedInBy: 'checked_in_by',
  }),
  education_walk_in: pick({
    id: 'id',
    sessionId: 'session_id',
    stationCode: 'station_code',
    count: 'count',
    recordedAt: 'recorded_at',
    recordedBy: 'recorded_by',
  }),
  education_survey: pick({ id: 'id', sessionId: 'session_id', stationCode: 'station_code', score: 'score', answeredAt: 'answered_at' }),
};

export function isSyncRecordKind(kind: string): kind is SyncRecordKind {
  return (syncRecordKinds as readonly string[]).includes(kind);
}

/** Whether the kind's payload leaves exactly as its service queued it, so its JSON text can be written as it is. */
export function travelsAsStored(kind: string): boolean {
  return isSyncRecordKind(kind) && projections[kind] === unchanged;
}

/** The payload of a queued change as the province receives it; throws for a kind the protocol does not know. */
export function wirePayload(kind: string, stored: Row): Row {
  if (!isSyncRecordKind(kind)) throw new RangeError(`no record kind ${kind} in sync schema 1`);
  return projections[kind](stored);
}
