import type { TFunction } from 'i18next';
import type { CallOutput } from '../../../shared/contract/calls';
import { stationDate } from '../../../shared/domain/age';
import type { Organ, OrganScope } from '../../../shared/domain/programs';
import { isLanguage, type Language } from '../../../shared/i18n/languages';
import { Translators } from '../../../shared/i18n/translator';
import type { DocumentRow, RegistrationRow, RegistrationVersionRow } from '../../db/rows';
import { findDocument } from '../../db/repositories/documents';
import { findPersonById } from '../../db/repositories/people';
import { findRegistration, registrationsOf, registrationVersions } from '../../db/repositories/registrations';
import {
  buildAttendanceCertificate,
  buildDonorCard,
  buildHonourCertificate,
  buildMemorialCertificate,
  buildReceiptA4,
  buildReceiptThermal,
  buildRegistrationCertificate,
  type DocumentResult,
  type FontSet,
  type ProgramEntry,
  type ReceiptEvent,
} from '../../pdf/index';
import type { Actor } from '../kernel/audit';
import type { DocumentService } from './documents';
import { attendanceCertificateModel } from './attendance-certificate';
import { AppError } from '../kernel/errors';
import { openPersonal } from '../registration/person-registry';
import type { ReceiptPaper } from '../kernel/settings';
import type { StationContext } from '../kernel/context';

/** How long after a kiosk registration its receipt can be printed at the kiosk. */
const KIOSK_RECEIPT_WINDOW_MS = 15 * 60 * 1000;

/** Loads the station's fonts on first use (tens of milliseconds) and keeps them for every later document. */
export type FontProvider = () => Promise<FontSet>;

/**
 * Renders an issued document as PDF, from the station's records and the document's own serial and
 * signed payload, and records the print in the closed loop: the registration desk's documents
 * (receipt, donor card, registration certificate), the certificates given after a donation, which
 * print the person's latest realised registration, and a session's attendance certificate.
 */
export class DocumentPrinting {
  private readonly translators = new Translators();

  constructor(
    private readonly ctx: StationContext,
    private readonly documents: DocumentService,
    private readonly fonts: FontProvider,
  ) {}

  /** Staff print on A4; a kiosk's receipt goes to its receipt printer, on the roll that printer takes. */
  async render(documentId: string, actor: Actor): Promise<CallOutput<'documents:pdf'>> {
    const document = await findDocument(this.ctx.db, documentId);
    if (!document) throw new AppError('not_found');
    const result = await this.build(document, 'a4');
    // Recorded after rendering and refused for a copy that has left the station: no serial is printed twice unseen.
    await this.documents.recordPrint(document.id, actor);
    return pdfOf(document, result);
  }

  /**
   * The receipt the kiosk prints right after a registration, for the visitor who made it and nobody
   * else: a receipt issued at the kiosk (no staff member) to this kiosk window or tab (`sessionKey`)
   * minutes ago and never printed. Any later copy is printed by staff, who see the person's document first.
   */
  async renderKioskReceipt(documentId: string, actor: Actor, sessionKey: string): Promise<CallOutput<'documents:pdf'>> {
    if (actor.role !== 'kiosk') return this.render(documentId, actor);
    // Claimed before rendering, in one transaction: two presses of "print" cannot both print it.
    const document = await this.documents.recordKioskPrint(documentId, actor, sessionKey, KIOSK_RECEIPT_WINDOW_MS);
    return pdfOf(document, await this.build(document, await this.ctx.settings.receiptPaper()));
  }

  private async build(document: DocumentRow, paper: ReceiptPaper): Promise<DocumentResult> {
    const language: Language = isLanguage(document.language) ? document.language : 'zh-CN';
    const t = await this.translators.for(language);
    const station = await this.ctx.station.require();
    const header = { language, stationName: station.name, serial: document.serial, issuedOn: stationDate(new Date(document.issued_at)), qrPayload: document.payload };
    // An attendance certificate is a group's, not a person's.
    if (document.kind === 'attendance_certificate') return buildAttendanceCertificate(await attendanceCertificateModel(this.ctx.db, document, header), await this.fonts());
    const personRow = document.person_id === null ? undefined : await findPersonById(this.ctx.db, document.person_id);
    if (!personRow) throw new AppError('not_found');
    const person = openPersonal(this.ctx.protection, personRow);
    const active = (await registrationsOf(this.ctx.db, [personRow.id])).filter((row) => row.state === 'active');
    switch (document.kind) {
      case 'receipt': {
        const registration = await findRegistration(this.ctx.db, document.subject_id);
        if (!registration) throw new AppError('not_found');
        // A receipt attests the version it was issued with, however the record has changed since.
        const attested = (await registrationVersions(this.ctx.db, [registration.id])).find((version) => version.version === document.subject_version);
        if (!attested) throw new AppError('not_found');
        const choice = openChoice(this.ctx.protection.open(attested.details, 'registration_version.details'));
        return (paper === 'thermal' ? buildReceiptThermal : buildReceiptA4)(
          {
            ...header,
            event: receiptEvent(attested),
            // The day of the withdrawal as the station's calendar has it, not the UTC day of the stored moment.
            withdrawnOn: attested.state === 'withdrawn' ? stationDate(new Date(attested.at)) : undefined,
            personName: person.name,
            documentKind: t(`registration:documentKind.${person.documentKind}`),
            documentNumber: person.documentNumber,
            programs: [this.entry(registration, choice, t)],
          },
          await this.fonts(),
        );
      }
      case 'donor_card':
        return buildDonorCard({ ...header, personName: person.name, programs: active.map((row) => this.entry(row, this.currentChoice(row), t)) }, await this.fonts());
      case 'registration_certificate': {
        const registration = await findRegistration(this.ctx.db, document.subject_id);
        if (!registration) throw new AppError('not_found');
        return buildRegistrationCertificate(
          { ...header, personName: person.name, registeredOn: registration.registered_on, programs: [this.entry(registration, this.currentChoice(registration), t)] },
          await this.fonts(),
        );
      }
      case 'memorial_certificate':
      case 'honour_certificate': {
        const donation = latestRealised(await registrationsOf(this.ctx.db, [personRow.id]));
        if (!donation) throw new AppError('donation_not_realised');
        const model = { ...header, donorName: person.name, donationKind: t(`documents:donationKind.${donation.row.program}`), donatedOn: donation.on };
        return (document.kind === 'memorial_certificate' ? buildMemorialCertificate : buildHonourCertificate)(model, await this.fonts());
      }
      default:
        throw new AppError('not_found');
    }
  }

  /** A registration as documents list it: the program, its number and what was chosen within it. */
  private entry(row: RegistrationRow, choice: StoredChoice, t: TFunction): ProgramEntry {
    let choices = '';
    if (choice.organs) {
      choices = choice.organs.kind === 'all' ? t('registration:organScope.all') : choice.organs.organs.map((organ: Organ) => t(`registration:organ.${organ}`)).join(t('documents:listSeparator'));
    } else if (choice.bloodType) {
      choices = t(`registration:bloodType.${choice.bloodType}`);
    }
    return { program: t(`registration:program.${row.program}`), registrationNumber: row.number, choices };
  }

  private currentChoice(row: RegistrationRow): StoredChoice {
    return openChoice(this.ctx.protection.open(row.details, 'registration.details'));
  }
}

/** What of a registration's choices a document prints. */
interface StoredChoice {
  program: string;
  organs?: OrganScope;
  bloodType?: string;
}

function openChoice(json: string): StoredChoice {
  return JSON.parse(json) as StoredChoice;
}

/** The person's most recent donation: the realised registration with the latest day (then the latest change). */
function latestRealised(rows: RegistrationRow[]): { row: RegistrationRow; on: string } | undefined {
  const realised = rows.flatMap((row) => (row.state === 'realised' && row.realised_on !== null ? [{ row, on: row.realised_on }] : []));
  return realised.sort((a, b) => b.on.localeCompare(a.on) || b.row.updated_at.localeCompare(a.row.updated_at))[0];
}

function pdfOf(document: DocumentRow, result: DocumentResult): CallOutput<'documents:pdf'> {
  return { fileName: `${document.serial}.pdf`, contentBase64: result.pdf.toString('base64'), missing: result.missing };
}

function receiptEvent(version: RegistrationVersionRow): ReceiptEvent {
  if (version.state === 'withdrawn') return 'withdrawn';
  return version.version > 1 ? 'amended' : 'created';
}
