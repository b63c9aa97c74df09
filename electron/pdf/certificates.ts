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
 * sign-off and date on the right, the closing words of the certificate's kind, and the footer with
 * serial and QR code.
 */

interface CertificateContent {
  title: string;
  subject: string;
  /** The line under the title: the person's name or the salutation to the family. */
  headline: string;
  paragraphs: string[];
  /** Smaller lines under the body, centred (the registration numbers). */
  details: string[];
  /**
   * The small print above the footer, in the words of the certificate's kind: the statement that a
   * registration is an intent only belongs to the registration certificate, not to what a family or a
   * school is given.
   */
  closingWords: string;
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

/** The body's type sizes, largest first: a long name or station name may need a smaller one to fit the page. */
const BODY_SIZES = [14, 13, 12, 11] as const;
/** Space between the body and the sign-off, and between the sign-off and the closing words. */
const SIGN_OFF_GAP = 16;

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

  // The sign-off and the closing words sit on the footer, whatever the length of the body above.
  const closing: DrawStyle = { size: 9.5, weight: 'regular', color: MUTED, align: 'center', leading: 1.5 };
  const closingHeight = canvas.measure(texts.closingWords, sheet.bodyWidth, closing);
  const signOff: DrawStyle = { size: 13, weight: 'regular', align: 'right', leading: 1.6 };
  const signWidth = sheet.bodyWidth * 0.75;
  const signLeft = (sheet.width + sheet.bodyWidth) / 2 - signWidth;
  const signHeight = canvas.measure(header.stationName, signWidth, signOff) + canvas.measure(date, signWidth, signOff);
  const closingTop = footerTop - 14 - closingHeight;
  const signTop = closingTop - SIGN_OFF_GAP - signHeight;

  // A long name wraps and pushes the body down: the body is set smaller until it ends above the sign-off.
  const bodyEnd = (size: number, drawing: boolean) => drawBody(canvas, sheet, header, texts, size, drawing);
  const bodySize = BODY_SIZES.find((size) => bodyEnd(size, false) + SIGN_OFF_GAP <= signTop) ?? BODY_SIZES.at(-1)!;
  const end = bodyEnd(bodySize, true);

  // Should even the smallest body not fit, what follows it moves down rather than overprinting it.
  let y = Math.max(end + SIGN_OFF_GAP, signTop);
  y += canvas.text(header.stationName, { x: signLeft, y, width: signWidth }, signOff);
  y += canvas.text(date, { x: signLeft, y, width: signWidth }, signOff);
  canvas.text(texts.closingWords, { x: (sheet.width - sheet.bodyWidth) / 2, y: Math.max(closingTop, y + SIGN_OFF_GAP), width: sheet.bodyWidth }, closing);
  return canvas.finish();
}

/**
 * The station, title, headline, paragraphs and details from the top of the page, the paragraphs in
 * `bodySize`; measures only unless `drawing`. Returns where the body ends.
 */
function drawBody(canvas: Canvas, sheet: Sheet, header: DocumentHeader, texts: CertificateContent, bodySize: number, drawing: boolean): number {
  const { language } = header;
  const flow = new Flow(canvas, (sheet.width - sheet.bodyWidth) / 2, 62, sheet.bodyWidth, drawing);
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
  const body: DrawStyle = { size: bodySize, weight: 'regular', leading: 1.8 };
  for (const paragraph of texts.paragraphs) flow.text(paragraphIndent(language) + paragraph, body).gap(4);
  if (texts.details.length > 0) flow.gap(6);
  for (const detail of texts.details) flow.text(detail, { ...centred(11.5, 'regular', MUTED), leading: 1.6 });
  return flow.y;
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
    closingWords: t('registration:statement'),
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
      closingWords: t(`documents:${kind}.closingWords`, values),
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
    closingWords: t('documents:attendanceCertificate.closingWords'),
  }));
}
