import type { Insertable } from 'kysely';
import { writeLatest } from '../activity/projections';
import type { IncomingBatch } from '../db/repositories/take-batch';
import type { HubDatabase } from '../db/schema';
import type { LineContent, LineOrigin } from '../people/apply-lines';
import { aidCaseFacts, careYearFacts, familyFacts } from './payloads';

/** The rows a batch adds to or changes in the care projections, collected before anything is written. */
interface CareRows {
  families: Array<Insertable<HubDatabase['care_family']>>;
  years: Array<Insertable<HubDatabase['care_family_year']>>;
  aidCases: Array<Insertable<HubDatabase['care_aid_case']>>;
}

/** 1 or 0 for a consent given or refused, null for a purpose never asked about. */
function consentFlag(granted: boolean | undefined): number | null {
  return granted === undefined ? null : granted ? 1 : 0;
}

/**
 * The step `takeBatch` runs once a batch's versions are stored, after the activity step and in the same
 * transaction: every version of a donor-family care kind stored now updates its projection (families, their
 * yearly care, aid cases). A duplicate or a conflicting version is not stored, so a batch taken again changes
 * nothing; a record's row follows its highest version, whatever order the versions arrive in (`writeLatest`).
 */
export function applyCareLines(origin: LineOrigin, lines: readonly LineContent[]): NonNullable<IncomingBatch['afterStore']> {
  const contentOf = new Map(lines.map((line) => [line.lineSeq, line]));
  return async (trx, outcomes) => {
    const rows: CareRows = { families: [], years: [], aidCases: [] };
    for (const outcome of outcomes) {
      if (outcome.status !== 'accepted') continue;
      const line = contentOf.get(outcome.lineSeq);
      if (!line) throw new Error(`line ${outcome.lineSeq} was stored without its content`);
      collect(rows, origin, line);
    }
    await writeLatest(trx, 'care_family', rows.families);
    await writeLatest(trx, 'care_family_year', rows.years);
    await writeLatest(trx, 'care_aid_case', rows.aidCases);
  };
}

/** Adds the row a line stands for; lines of other kinds, or without the facts' shape, add none. */
function collect(rows: CareRows, origin: LineOrigin, line: LineContent): void {
  const key = { province_code: origin.provinceCode, station_code: origin.stationCode };
  switch (line.entityKind) {
    case 'donor_family': {
      const family = familyFacts(line.payload);
      if (family) {
        rows.families.push({
          ...key,
          family_id: line.entityId,
          registration_id: family.registrationId,
          donated_on: family.donatedOn,
          opened_on: family.openedOn,
          do_not_contact: family.doNotContact ? 1 : 0,
          consent_name_engraving: consentFlag(family.consents.name_engraving),
          consent_publicity: consentFlag(family.consents.publicity),
          consent_contact: consentFlag(family.consents.contact),
          version: line.version,
        });
      }
      return;
    }
    case 'family_care_year': {
      const year = careYearFacts(line.payload);
      if (year) {
        rows.years.push({
          ...key,
          record_id: line.entityId,
          family_id: year.familyId,
          year: year.year,
          phone_calls: year.phoneCalls,
          home_visits: year.homeVisits,
          festival_visits: year.festivalVisits,
          contacts: year.contacts,
          follow_ups_done: year.followUpsDone,
          follow_ups_stopped: year.followUpsStopped,
          invitations: year.invitations,
          accepted: year.accepted,
          attended: year.attended,
          version: line.version,
        });
      }
      return;
    }
    case 'aid_case': {
      const aid = aidCaseFacts(line.payload);
      if (aid) {
        rows.aidCases.push({
          ...key,
          case_id: line.entityId,
          family_id: aid.familyId,
          programme: aid.programme,
          state: aid.state,
          applied_on: aid.appliedOn,
          amount_granted_fen: aid.amountGrantedFen,
          notice_from: aid.noticeFrom,
          notice_to: aid.noticeTo,
          paid_on: aid.paidOn,
          version: line.version,
        });
      }
      return;
    }
  }
}
