import type { CallOutput } from '../../../shared/contract/calls';
import type { Ceremony } from '../../../shared/domain/family';
import {
  certificatesOfPerson,
  consentsOf,
  contactsOf,
  declinedCeremoniesOf,
  followUpsOf,
  invitationsOf,
  memorialEntriesOfPerson,
  membersOf,
  registrationNumbersOf,
  sealedPersonalOf,
  type DonorFamilyRow,
} from '../../db/repositories/family';
import type { Executor } from '../../db/repositories/executor';
import type { DataProtection } from '../kernel/data-protection';
import { consentView, contactView, followUpView, invitationView, memberView, openDonorName, standingConsents } from './family-records';

type FamilyView = CallOutput<'family:get'>;

/**
 * A family's page for staff, unmasked: the family, its members, consents, care plan, contacts and
 * invitations, and the donor's certificates and memorial-list entries (read from their tables, not
 * through their areas). Callers audit reading it.
 */
export async function familyPage(db: Executor, protection: DataProtection, family: DonorFamilyRow): Promise<FamilyView> {
  const consents = await consentsOf(db, family.id);
  const numbers = await registrationNumbersOf(db, [family.registration_id]);
  const personal = await sealedPersonalOf(db, [family.person_id]);
  const declined = (await declinedCeremoniesOf(db, [family.id])).get(family.id) ?? new Set<Ceremony>();
  return {
    id: family.id,
    registrationId: family.registration_id,
    registrationNumber: numbers.get(family.registration_id) ?? '',
    personId: family.person_id,
    donorName: openDonorName(protection, personal.get(family.person_id)),
    programme: family.programme,
    donatedOn: family.donated_on,
    preferredChannel: family.preferred_channel,
    doNotContact: family.do_not_contact === 1,
    doNotContactReason: protection.openOptional(family.do_not_contact_reason, 'donor_family.do_not_contact_reason'),
    openedAt: family.opened_at,
    openedBy: family.opened_by,
    version: family.version,
    members: (await membersOf(db, family.id)).map((row) => memberView(protection, row)),
    standingConsents: standingConsents(consents).map(consentView),
    consents: consents.map(consentView),
    followUps: (await followUpsOf(db, family.id)).map(followUpView),
    contacts: (await contactsOf(db, family.id)).map((row) => contactView(protection, row)),
    invitations: (await invitationsOf(db, family.id)).map(invitationView),
    declinedCeremonies: [...declined],
    certificates: (await certificatesOfPerson(db, family.person_id)).map((row) => ({
      id: row.id,
      kind: row.kind,
      serialNumber: row.serial,
      state: row.state,
      issuedAt: row.issued_at,
    })),
    memorialNames: (await memorialEntriesOfPerson(db, family.person_id)).map((row) => ({
      id: row.id,
      state: row.state,
      engravingYear: row.engraving_year,
      wallLocation: row.wall_location,
    })),
  };
}
