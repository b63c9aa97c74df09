/**
 * The documents a station prints, each a function (model, fonts) → { pdf, missing }. A station loads
 * its FontSet once (FontSet.load) and passes it to every builder.
 */
export { buildAttendanceCertificate, buildHonourCertificate, buildMemorialCertificate, buildRegistrationCertificate } from './certificates';
export { buildDonorCard } from './donor-card';
export { buildReceiptA4, buildReceiptThermal } from './receipt';
export type { DocumentResult } from './canvas';
export { DEBIAN_NOTO_CJK, FontSet, primaryFontPaths, PRIMARY_FONT_FILES, sourceFontsDir, type FontSetOptions } from './fonts';
export type * from './models';
