import { Canvas, type DocumentResult, type DrawStyle } from './canvas';
import type { FontSet } from './fonts';
import type { DonorCardModel } from './models';
import { ACCENT, CARD, fitToWidth, MM, MUTED, titleTracking } from './page-style';
import { documentTranslator, formatDocumentDate } from './texts';

/**
 * The donor card, the size of a bank card, printed on two pages: the front (page 1) says who and for
 * which programs, the back (page 2) carries the statement, the station, the serial number and the QR
 * code. Card printers and duplex office printers both take a two-page PDF of the card size.
 */
export async function buildDonorCard(model: DonorCardModel, fonts: FontSet): Promise<DocumentResult> {
  const t = await documentTranslator(model.language);
  const title = t('documents:donorCard.title');
  const canvas = new Canvas(fonts, {
    language: model.language,
    title: `${title} ${model.serial}`,
    author: model.stationName,
    subject: t('documents:donorCard.subject'),
  });
  const margin = 4 * MM;
  const width = CARD.width - 2 * margin;

  // Front: a green band with the title, then the name large, then each program with its number.
  canvas.addPage(CARD.width, CARD.height);
  const band = 9 * MM;
  canvas.doc.save().rect(0, 0, CARD.width, band).fill(ACCENT).restore();
  const titleStyle: DrawStyle = { size: 10, weight: 'bold', color: '#ffffff', align: 'center', tracking: titleTracking(model.language, 10) };
  const titleHeight = canvas.measure(title, width, titleStyle);
  canvas.text(title, { x: margin, y: (band - titleHeight) / 2, width }, titleStyle);

  let y = band + 2.5 * MM;
  y += canvas.text(t('documents:label.name'), { x: margin, y, width }, { size: 6.5, weight: 'regular', color: MUTED, leading: 1.3 });
  y += canvas.text(model.personName, { x: margin, y, width }, fitToWidth(canvas, model.personName, width, { size: 15, weight: 'bold', leading: 1.3 }, 10));
  y += 1.5 * MM;
  canvas.doc.save().lineWidth(0.5).strokeColor(ACCENT).moveTo(margin, y).lineTo(CARD.width - margin, y).stroke().restore();
  y += 1.5 * MM;
  y += canvas.text(t('documents:label.registrationNumber'), { x: margin, y, width }, { size: 6.5, weight: 'regular', color: MUTED, leading: 1.3 });
  const programStyle: DrawStyle = { size: 7.5, weight: 'bold', leading: 1.35 };
  const numberStyle: DrawStyle = { size: 7.5, weight: 'regular', leading: 1.35, align: 'right' };
  for (const entry of model.programs) {
    const height = canvas.text(entry.program, { x: margin, y, width: width * 0.5 }, programStyle);
    canvas.text(entry.registrationNumber, { x: margin + width * 0.5, y, width: width * 0.5 }, numberStyle);
    y += height;
  }

  // Back: statement and station on the left, the QR code on the right, serial and date under them.
  canvas.addPage(CARD.width, CARD.height);
  canvas.doc.save().rect(0, CARD.height - 1.2 * MM, CARD.width, 1.2 * MM).fill(ACCENT).restore();
  const qrSize = 25 * MM;
  const qrLeft = CARD.width - margin - qrSize + 2 * MM;
  const columnWidth = qrLeft - margin - 1 * MM;
  y = margin;
  y += canvas.text(t('registration:statement'), { x: margin, y, width: columnWidth }, { size: 7, weight: 'bold', leading: 1.45 });
  y += 2 * MM;
  canvas.text(model.stationName, { x: margin, y, width: columnWidth }, { size: 7, weight: 'regular', color: ACCENT, leading: 1.4 });
  canvas.qr(model.qrPayload, qrLeft, margin - 2 * MM, qrSize);
  const small: DrawStyle = { size: 6, weight: 'regular', color: MUTED, leading: 1.35 };
  canvas.text(t('documents:verify'), { x: qrLeft, y: margin - 2 * MM + qrSize - 1.5 * MM, width: qrSize }, { ...small, align: 'center' });
  const footer = [
    t('documents:serial', { serial: model.serial }),
    t('documents:issuedOn', { date: formatDocumentDate(model.issuedOn, model.language) }),
  ];
  let footerY = CARD.height - 2.5 * MM - footer.reduce((total, text) => total + canvas.measure(text, width, small), 0);
  for (const text of footer) footerY += canvas.text(text, { x: margin, y: footerY, width }, small);
  return canvas.finish();
}
