import { z } from 'zod';
import { anyone, call, confirmsDonations, keepsRecords, registers } from './call';
import { documentPdf, documentPdfInput } from '../validation/documents';
import {
  bodyPaperworkRecordInput,
  followUpInput,
  personRecord,
  registrationAmendInput,
  registrationCreated,
  registrationCreateInput,
  registrationOptions,
  registrationRealiseInput,
  registrationWithdrawInput,
  searchInput,
  searchResults,
  stemCellStatusInput,
} from '../validation/registration';

/** Registrations of consent to donate: made at the kiosk or the desk, found, amended, withdrawn, realised. */
export const registrationCalls = {
  /** What the registration screens need to know of the station's settings (idle time, age range, …). */
  'registration:options': call(z.undefined(), registrationOptions, anyone),
  /** Registers one or more programs for a person found by document or created; one transaction. */
  'registration:create': call(registrationCreateInput, registrationCreated, registers),
  /** The receipt of a registration just made, printed at the kiosk once, minutes after; staff print any copy. */
  'registration:receipt': call(documentPdfInput, documentPdf, registers),
  /** Finds people by registration number, document number or full name; results masked. */
  'registration:search': call(searchInput, searchResults, keepsRecords),
  /** A new version of an active registration; the old one is kept. */
  'registration:amend': call(registrationAmendInput, personRecord, keepsRecords),
  /** Withdraws an active registration after checking the person's document; final for that record. */
  'registration:withdraw': call(registrationWithdrawInput, personRecord, keepsRecords),
  /** Records that the donation of an active registration took place; final for that record, no receipt. */
  'registration:realise': call(registrationRealiseInput, personRecord, confirmsDonations),
  /** Records a body donation's executor and close relatives' agreement. */
  'registration:bodyPaperwork': call(bodyPaperworkRecordInput, personRecord, keepsRecords),
  /** Moves a stem-cell volunteer one step on: sample taken (barcode), typed, in registry. */
  'registration:stemCellStatus': call(stemCellStatusInput, personRecord, keepsRecords),
  /** Logs a follow-up call to a stem-cell volunteer and its outcome. */
  'registration:followUp': call(followUpInput, personRecord, keepsRecords),
} as const;
