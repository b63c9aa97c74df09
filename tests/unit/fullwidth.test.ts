import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldFullwidthAscii } from '../../shared/validation/fullwidth';

describe('full-width folding', () => {
  it('folds every full-width ASCII form and the ideographic space to ASCII', () => {
    expect(foldFullwidthAscii('１２３４')).toBe('1234');
    expect(foldFullwidthAscii('Ａｎｎａ\u3000ｅ１２－３')).toBe('Anna e12-3');
    expect(foldFullwidthAscii('\uFF01\uFF5E')).toBe('!~');
  });

  it('leaves Chinese, compatibility ideographs and half-width katakana untouched, unlike NFKC', () => {
    for (const text of ['李𠮷祥', '\uF900', '\uFF76', '㈱', '①', 'ﬁ']) expect(foldFullwidthAscii(text)).toBe(text);
  });

  it('agrees with NFKC on every full-width ASCII form', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0xff01, max: 0xff5e }).map((code) => String.fromCharCode(code)) }), (text) => {
        expect(foldFullwidthAscii(text)).toBe(text.normalize('NFKC'));
      }),
    );
  });
});
