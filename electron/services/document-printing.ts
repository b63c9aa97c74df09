import type { Kysely } from 'kysely';
import type { TFunction } from 'i18next';
import type { CallOutput } from '../../shared/contract/calls';
import { stationDate } from '../../shared/domain/age';
import type { Organ, OrganScope } from '../../shared/domain/programs';
import { isLanguage, type Language } from '../../shared/i18n/languages';
import { createTranslator } from '../../shared/i18n/translator';
import type { DocumentTable, RegistrationTable, StationDatabase } from '../db/schema';
import { findDocument } from '../db/repositories/documents';
import { findPersonById } from '../db/repositories/people';
import { findRegistration, registrationsOf } from '../db/repositories/registrations';
import {
  buildDonorCard,
  buildReceiptA4,
  buildRegistrationCertificate,
  type DocumentResult,
  type FontSet,
  type ProgramEntry,
  type ReceiptEvent,
} from '../pdf/index';
import type { Actor } from './audit';
import type { DataProtection } from './data-protection';
import type { DocumentService } from './documents';
import { AppError } from './errors';
import { openPersonal } from './people';
import { DETAILS_CONTEXT } from './registration-journal';
import type { StationService } from './station';

/** Loads the station's fonts on first use (tens of milliseconds) and keeps them for every later document. */
export type FontProvider = () => Promise<FontSet>;

/**
 * Renders an issued document as PDF, from the station's records and the document's own serial and
 * signed payload, and records the print in the closed loop. Only the documents a registration desk
 * issues today are rendered here (receipt, donor card, registration certificate); the certificates
 * that follow a donation or a session come with those records.
 */
export class DocumentPrinting {
  private readonly translators = new Map<Language, Promise<TFunction>>();

  constructor(
    private readonly db: Kysely<StationDatabase>,
    private readonly station: StationService,
    private readonly protection: DataProtection,
    private readonly documents: DocumentService,
    private readonly fonts: FontProvider,
  ) {}

  async render(documentId: string, actor: Actor): Promise<CallOutput<'documents:pdf'>> {
    const document = await findDocument(this.db, documentId);
    if (!document) throw new AppError('not_found');
    const result = await this.build(document);
    // Recorded after rendering and refused for a copy that has left the station: no serial is printed twice unseen.
    await this.documents.recordPrint(document.id, actor);
    return { fileName: `${document.serial}.pdf`, contentBase64: result.pdf.toString('base64'), missing: result.missing };
  }

  private async build(document: DocumentTable): Promise<DocumentResult> {
    const language: Language = isLanguage(document.language) ? document.language : 'zh-CN';
    const t = await this.translator(language);
    const station = await this.station.require();
    const personRow = document.person_id === null ? undefined : await findPersonById(this.db, document.person_id);
    if (!personRow) throw new AppError('not_found');
    const person = openPersonal(this.protection, personRow);
    const header = { language, stationName: station.name, serial: document.serial, issuedOn: stationDate(new Date(document.issued_at)), qrPayload: document.payload };
    const active = (await registrationsOf(this.db, [personRow.id])).filter((row) => row.state === 'active');
    switch (document.kind) {
      case 'receipt': {
        const registration = await findRegistration(this.db, document.subject_id);
        if (!registration) throw new AppError('not_found');
        return buildReceiptA4(
          {
            ...header,
            event: receiptEvent(registration),
            personName: person.name,
            documentKind: t(`registration:documentKind.${person.documentKind}`),
            documentNumber: person.documentNumber,
            programs: [this.entry(registration, t)],
          },
          await this.fonts(),
        );
      }
      case 'donor_card':
        return buildDonorCard({ ...header, personName: person.name, programs: active.map((row) => this.entry(row, t)) }, await this.fonts());
      case 'registration_certificate': {
        const registration = await findRegistration(this.db, document.subject_id);
        if (!registration) throw new AppError('not_found');
        return buildRegistrationCertificate(
          { ...header, personName: person.name, registeredOn: registration.registered_on, programs: [this.entry(registration, t)] },
          await this.fonts(),
        );
      }
      default:
        throw new AppError('not_found');
    }
  }

  /** A registration as documents list it: the program, its number and what was chosen within it. */
  private entry(row: RegistrationTable, t: TFunction): ProgramEntry {
    const choice = JSON.parse(this.protection.open(row.details, DETAILS_CONTEXT)) as { program: string; organs?: OrganScope; bloodType?: string };
    let choices = '';
    if (choice.organs) {
      choices = choice.organs.kind === 'all' ? t('registration:organScope.all') : choice.organs.organs.map((organ: Organ) => t(`registration:organ.${organ}`)).join(t('documents:listSeparator'));
    } else if (choice.bloodType) {
      choices = t(`registration:bloodType.${choice.bloodType}`);
    }
    return { program: t(`registration:program.${row.program}`), registrationNumber: row.number, choices };
  }

  private translator(language: Language): Promise<TFunction> {
    let translator = this.translators.get(language);
    if (!translator) {
      translator = createTranslator(language);
      this.translators.set(language, translator);
    }
    return translator;
  }
}

function receiptEvent(row: RegistrationTable): ReceiptEvent {
  if (row.state === 'withdrawn') return 'withdrawn';
  return row.version > 1 ? 'amended' : 'created';
}
