import { copyFonts } from '../../scripts/copy-fonts';

/** Vitest global setup: the document fonts in resources/fonts, as the build puts them there. */
export default function setup(): void {
  copyFonts();
}
