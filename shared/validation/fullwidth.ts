/** Full-width forms of printable ASCII (U+FF01–FF5E) sit at a fixed offset from ASCII (U+0021–007E). */
const FULLWIDTH_ASCII = /[\uFF01-\uFF5E]/gu;
const FULLWIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = /\u3000/gu;

/**
 * Folds full-width ASCII forms (`Ａｎｎａ`, `１２３４`) and the ideographic space to plain ASCII, as a
 * Chinese input method in full-width mode types them. Unlike NFKC it touches nothing else, so it is safe
 * on text that may hold Chinese names (NFKC would also rewrite compatibility ideographs and the like).
 */
export function foldFullwidthAscii(text: string): string {
  return text
    .replace(FULLWIDTH_ASCII, (char) => String.fromCharCode(char.charCodeAt(0) - FULLWIDTH_OFFSET))
    .replace(IDEOGRAPHIC_SPACE, ' ');
}
