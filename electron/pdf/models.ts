import type { Language } from '../../shared/i18n/languages';

/**
 * What each document says, as plain values. The caller (the documents service, or `print-sample`)
 * fills them in: data that depends on the case (program names and choices, the kind of donation) is
 * already translated into the document's language; the fixed wording (titles, labels, the statement)
 * is the builder's, from the `documents` namespace. Dates are calendar dates `YYYY-MM-DD`.
 */

export interface DocumentHeader {
  language: Language;
  stationName: string;
  /** `<station code>-<year>-<kind>-<sequence>`, allocated by the issuing service. */
  serial: string;
  /** The day the document is issued, printed in the footer. */
  issuedOn: string;
  /** The signed verification payload, opaque here; it becomes the QR code as it is. */
  qrPayload: string;
}

/** One registered program as documents list it. */
export interface ProgramEntry {
  /** `器官捐献`, `Organ donation`. */
  program: string;
  registrationNumber: string;
  /** What was chosen within the program (`全部器官`, a blood type), empty when there is nothing to choose. */
  choices: string;
}

/** What a receipt acknowledges. */
export type ReceiptEvent = 'created' | 'amended' | 'withdrawn';

export interface ReceiptModel extends DocumentHeader {
  event: ReceiptEvent;
  /** The full name: the receipt is the person's own paper. */
  personName: string;
  /** `居民身份证`, `Resident identity card`. */
  documentKind: string;
  /** Printed masked (first 6 and last 4 characters); the builder masks it whatever it is given. */
  documentNumber: string;
  programs: ProgramEntry[];
  /** For a withdrawal: the station's calendar day the registration was withdrawn (else the day of issue is printed). */
  withdrawnOn?: string;
}

export interface DonorCardModel extends DocumentHeader {
  personName: string;
  programs: ProgramEntry[];
}

export interface RegistrationCertificateModel extends DocumentHeader {
  personName: string;
  /** The day of the registration (may be earlier than `issuedOn` when the certificate is requested later). */
  registeredOn: string;
  programs: ProgramEntry[];
}

/** The memorial and the honour certificate say the same facts; they differ in title and wording. */
export interface DonationCertificateModel extends DocumentHeader {
  donorName: string;
  /** `遗体捐献`, `body donation`: lower case in English, it is used within a sentence. */
  donationKind: string;
  donatedOn: string;
}

export interface AttendanceCertificateModel extends DocumentHeader {
  /** The school, unit or group that attended. */
  organisation: string;
  sessionTitle: string;
  attendedOn: string;
  headCount: number;
}
