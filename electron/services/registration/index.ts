import type { StationContext } from '../kernel/context';
import { PersonChanges } from './person-changes';
import { PersonConsents } from './person-consents';
import { PersonRecords } from './person-records';
import { PersonRegistry } from './person-registry';
import { RegistrationJournal } from './registration-journal';
import { RegistrationService, type ReceiptIssuer } from './registrations';

/** Registering donation intents and keeping the people behind them: their records, changes and consents. */
export interface RegistrationServices {
  registrations: RegistrationService;
  personRecords: PersonRecords;
  personChanges: PersonChanges;
  personConsents: PersonConsents;
}

/** The registration area on one station; `receipts` issues the receipt a new registration hands out. */
export function createRegistrationServices(ctx: StationContext, receipts: ReceiptIssuer): RegistrationServices {
  const people = new PersonRegistry(ctx.protection);
  const personRecords = new PersonRecords(ctx);
  return {
    registrations: new RegistrationService(ctx, people, new RegistrationJournal(ctx), personRecords, receipts),
    personRecords,
    personChanges: new PersonChanges(ctx, people, personRecords),
    personConsents: new PersonConsents(ctx, personRecords),
  };
}
