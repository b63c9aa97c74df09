import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeCanvasPng, decodeSignature } from '../../electron/services/kernel/signature-ink';

/** A 37×23 image with every channel varying (so every row filter has work to do), written with `filterType`. */
function pngWritten(filterType: number, colorType: 2 | 6 = 6): Buffer {
  const png = new PNG({ width: 37, height: 23 });
  for (let index = 0; index < png.data.length; index += 1) png.data[index] = (index * 7919 + (index >> 5) * 31) & 0xff;
  return PNG.sync.write(png, { filterType, colorType });
}

describe('decoding a signature PNG', () => {
  it('reads 8-bit RGBA written with each row filter and with adaptive filtering exactly as pngjs does', () => {
    for (const filterType of [-1, 0, 1, 2, 3, 4]) {
      const bytes = pngWritten(filterType);
      const expected = PNG.sync.read(bytes);
      // The direct reader itself, not its fall-back to pngjs.
      const decoded = decodeCanvasPng(bytes, 37, 23);
      expect(decoded, `filter ${filterType}`).toBeDefined();
      expect(Buffer.from(decoded!.data as Uint8Array).equals(expected.data), `filter ${filterType}`).toBe(true);
    }
  });

  it('reads other forms of PNG through pngjs, and refuses a truncated one', () => {
    const rgb = pngWritten(-1, 2);
    expect(decodeCanvasPng(rgb, 37, 23)).toBeUndefined();
    expect(Buffer.from(decodeSignature(rgb)!.data as Uint8Array).equals(PNG.sync.read(rgb).data)).toBe(true);
    const truncated = pngWritten(-1).subarray(0, 60);
    expect(decodeSignature(truncated)).toBeNull();
  });
});
