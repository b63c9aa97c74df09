import { PNG } from 'pngjs';

/** A stroke as the pad records it: the points a finger passed through, in image pixels. */
export type Stroke = ReadonlyArray<readonly [number, number]>;

const PEN_RADIUS = 3;

/**
 * A PNG data URL of strokes drawn like the signature pad draws them: near-black round-capped lines on a
 * transparent image. Fake registrations and tests use it to send what a person signing would send.
 */
export function drawnSignaturePng(strokes: readonly Stroke[], width = 600, height = 200): string {
  const png = new PNG({ width, height });
  const dab = (cx: number, cy: number): void => {
    for (let y = Math.floor(cy - PEN_RADIUS); y <= Math.ceil(cy + PEN_RADIUS); y += 1) {
      for (let x = Math.floor(cx - PEN_RADIUS); x <= Math.ceil(cx + PEN_RADIUS); x += 1) {
        if (x < 0 || y < 0 || x >= width || y >= height || (x - cx) ** 2 + (y - cy) ** 2 > PEN_RADIUS ** 2) continue;
        png.data.set([17, 17, 17, 255], (y * width + x) * 4);
      }
    }
  };
  for (const stroke of strokes) {
    stroke.forEach(([x, y], index) => {
      const [fromX, fromY] = stroke[index - 1] ?? [x, y];
      const steps = Math.max(1, Math.ceil(Math.hypot(x - fromX, y - fromY)));
      for (let step = 0; step <= steps; step += 1) dab(fromX + ((x - fromX) * step) / steps, fromY + ((y - fromY) * step) / steps);
    });
  }
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

/** Three short characters' worth of strokes across a 600×200 pad, as a hurried name looks. */
const NAME_STROKES: Stroke[] = [
  [[60, 70], [150, 65]],
  [[105, 40], [100, 160]],
  [[55, 150], [160, 140]],
  [[220, 50], [200, 150], [260, 90], [300, 160]],
  [[240, 100], [330, 95]],
  [[380, 60], [470, 60], [450, 150], [390, 150], [380, 60]],
  [[400, 105], [455, 105]],
];

let sample: string | undefined;

/** A plausible drawn signature (drawn once, then reused). */
export function sampleSignaturePng(): string {
  sample ??= drawnSignaturePng(NAME_STROKES);
  return sample;
}
