import type { TFunction } from 'i18next';
import { Canvas, type DocumentResult, type DrawStyle } from './canvas';
import type { FontSet } from './fonts';
import { Flow } from './flow';
import type { AttendanceCertificateModel, DocumentHeader, DonationCertificateModel, RegistrationCertificateModel } from './models';
import { A4, A4_LANDSCAPE, ACCENT, drawFooter, drawFrame, fitToWidth, MUTED, paragraphIndent, titleTracking } from './page-style';
import { documentTranslator, formatDocumentDate, joinList } from './texts';

/**
 * The certificates: registration (on request), memorial and honour (to the family after a donation),
 * all A4 landscape, and the life-education attendance certificate, A4 portrait. One layout: the
 * station above a spaced title, a prominent line (the name or the salutation), the body, the station's
 * sign-off and date on the right, the statement, and the footer with serial and QR code.
 */

interface CertificateContent {
  title: string;
  subject: string;
  /** The line under the title: the person's name or the salutation to the family. */
  headline: string;
  paragraphs: string[];
  /** Smaller lines under the body, centred (the registration numbers). */
  details: string[];
}

interface Sheet {
  width: number;
  height: number;
  margin: number;
  bodyWidth: number;
  /** Space between the title and the headline: a portrait page has more height to spare. */
  headlineGap: number;
}

const LANDSCAPE: Sheet = { ...A4_LANDSCAPE, margin: 78, bodyWidth: 600, headlineGap: 22 };
const PORTRAIT: Sheet = { ...A4, margin: 72, bodyWidth: 440, headlineGap: 40 };

async function drawCertificate(
  header: DocumentHeader,
  fonts: FontSet,
  sheet: Sheet,
  content: (t: TFunction) => CertificateContent,
): Promise<DocumentResult> {
  const { language } = header;
  const t = await documentTranslator(language);
  const texts = content(t);
  const canvas = new Canvas(fonts, { language, title: `${texts.title} ${header.serial}`, author: header.stationName, subject: texts.subject });
  canvas.addPage(sheet.width, sheet.height);
  drawFrame(canvas, sheet.width, sheet.height, 22, 2.4);

  const date = formatDocumentDate(header.issuedOn, language);
  const footerTop = drawFooter(
    canvas,
    { left: sheet.margin, right: sheet.width - sheet.margin, bottom: sheet.height - 50 },
    { serial: t('documents:serial', { serial: header.serial }), issuedOn: t('documents:issuedOn', { date }), verify: t('documents:verify') },
    header.qrPayload,
    84,
  );

  const flow = new Flow(canvas, (sheet.width - sheet.bodyWidth) / 2, 62, sheet.bodyWidth, true);
  const centred = (size: number, weight: 'regular' | 'bold', color?: string): DrawStyle => ({ size, weight, color, align: 'center' });
  flow.text(header.stationName, centred(14, 'bold', ACCENT)).gap(6);
  const titleStyle = { ...centred(34, 'bold', ACCENT), tracking: titleTracking(language, 34) };
  flow.text(texts.title, fitToWidth(canvas, texts.title, sheet.bodyWidth, titleStyle, 24)).gap(6);
  flow.block(1, (y) => {
    const half = 70;
    const middle = sheet.width / 2;
    canvas.doc.save().lineWidth(1).strokeColor(ACCENT).moveTo(middle - half, y).lineTo(middle + half, y).stroke().restore();
  });
  flow.gap(sheet.headlineGap);
  flow.text(texts.headline, fitToWidth(canvas, texts.headline, sheet.bodyWidth, centred(20, 'bold'), 14)).gap(12);
  const body: DrawStyle = { size: 14, weight: 'regular', leading: 1.8 };
  for (const paragraph of texts.paragraphs) flow.text(paragraphIndent(language) + paragraph, body).gap(4);
  if (texts.details.length > 0) flow.gap(6);
  for (const detail of texts.details) flow.text(detail, { ...centred(11.5, 'regular', MUTED), leading: 1.6 });

  // The sign-off and the statement sit on the footer, whatever the length of the body above.
  const statement: DrawStyle = { size: 9.5, weight: 'regular', color: MUTED, align: 'center', leading: 1.5 };
  const statementText = t('registration:statement');
  const statementTop = footerTop - 14 - canvas.measure(statementText, sheet.bodyWidth, statement);
  canvas.text(statementText, { x: (sheet.width - sheet.bodyWidth) / 2, y: statementTop, width: sheet.bodyWidth }, statement);
  const signOff: DrawStyle = { size: 13, weight: 'regular', align: 'right', leading: 1.6 };
  const signWidth = sheet.bodyWidth * 0.75;
  const signLeft = (sheet.width + sheet.bodyWidth) / 2 - signWidth;
  const signHeight = canvas.measure(header.stationName, signWidth, signOff) + canvas.measure(date, signWidth, signOff);
  let y = Math.max(flow.y + 16, statementTop - 16 - signHeight);
  y += canvas.text(header.stationName, { x: signLeft, y, width: signWidth }, signOff);
  canvas.text(date, { x: signLeft, y, width: signWidth }, signOff);
  return canvas.finish();
}

function programsSentence(model: RegistrationCertificateModel): string {
  return joinList(
    model.programs.map((entry) => entry.program),
    model.language,
  );
}

/** 志愿登记证书: the person's name, what they registered for, when and where, and each registration number. */
export function buildRegistrationCertificate(model: RegistrationCertificateModel, fonts: FontSet): Promise<DocumentResult> {
  return drawCertificate(model, fonts, LANDSCAPE, (t) => ({
    title: t('documents:registrationCertificate.title'),
    subject: t('documents:registrationCertificate.subject'),
    headline: model.personName,
    paragraphs: [
      t('documents:registrationCertificate.body', {
        name: model.personName,
        date: formatDocumentDate(model.registeredOn, model.language),
        station: model.stationName,
        programs: programsSentence(model),
      }),
      t('documents:registrationCertificate.closing'),
    ],
    details: model.programs.map((entry) =>
      t('documents:pair', { label: `${entry.program} ${t('documents:label.registrationNumber')}`, value: entry.registrationNumber }),
    ),
  }));
}

type DonationCertificate = 'memorialCertificate' | 'honourCertificate';

function donationCertificate(kind: DonationCertificate, model: DonationCertificateModel, fonts: FontSet): Promise<DocumentResult> {
  return drawCertificate(model, fonts, LANDSCAPE, (t) => {
    const values = { donor: model.donorName, kind: model.donationKind, date: formatDocumentDate(model.donatedOn, model.language) };
    return {
      title: t(`documents:${kind}.title`),
      subject: t(`documents:${kind}.subject`),
      headline: t(`documents:${kind}.salutation`, values),
      paragraphs: [t(`documents:${kind}.body`, values)],
      details: [],
    };
  });
}

/** 纪念证书, to the executor or family after a donation. */
export function buildMemorialCertificate(model: DonationCertificateModel, fonts: FontSet): Promise<DocumentResult> {
  return donationCertificate('memorialCertificate', model, fonts);
}

/** 荣誉证书, to the executor or family after a donation. */
export function buildHonourCertificate(model: DonationCertificateModel, fonts: FontSet): Promise<DocumentResult> {
  return donationCertificate('honourCertificate', model, fonts);
}

/** The attendance certificate of a life-education session, for the group that came. */
export function buildAttendanceCertificate(model: AttendanceCertificateModel, fonts: FontSet): Promise<DocumentResult> {
  return drawCertificate(model, fonts, PORTRAIT, (t) => ({
    title: t('documents:attendanceCertificate.title'),
    subject: t('documents:attendanceCertificate.subject'),
    headline: model.organisation,
    paragraphs: [
      t('documents:attendanceCertificate.body', {
        organisation: model.organisation,
        count: model.headCount,
        date: formatDocumentDate(model.attendedOn, model.language),
        station: model.stationName,
        session: model.sessionTitle,
      }),
      t('documents:attendanceCertificate.closing'),
    ],
    details: [],
  }));
}
