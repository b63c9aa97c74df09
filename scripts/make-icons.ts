import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/**
 * Draws the application icon into resources/icons/<size>x<size>.png (the names electron-builder expects
 * for a Linux icon set; 256x256.png doubles as the Windows icon). The mark: a white heart on a red rounded
 * square, circled by two arcs that chase each other — life handed on. Below 48 px the arcs would blur
 * into noise, so the small sizes show the heart alone, larger.
 *
 * Run with `npx tsx scripts/make-icons.ts`; the output is deterministic and committed.
 */

const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
/** Below this size the icon shows the heart alone. */
const ARCS_FROM_SIZE = 48;
/** Samples per pixel along each axis: edges are anti-aliased by averaging 4 × 4 point tests. */
const SUPERSAMPLING = 4;

const RED: Rgb = [200, 16, 46];
const DEEP_RED: Rgb = [160, 10, 36];
const WHITE: Rgb = [255, 255, 255];

type Rgb = readonly [number, number, number];
interface Point {
  x: number;
  y: number;
}

function length(x: number, y: number): number {
  return Math.hypot(x, y);
}

/** Signed distance to a rounded square centred on the origin (negative inside). */
function roundedSquare(p: Point, halfSide: number, radius: number): number {
  const qx = Math.abs(p.x) - halfSide + radius;
  const qy = Math.abs(p.y) - halfSide + radius;
  return length(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Signed distance to a heart whose tip is at the origin and whose lobes reach y ≈ 1 (after Inigo Quilez). */
function heart(p: Point): number {
  const x = Math.abs(p.x);
  const y = p.y;
  if (x + y > 1) return length(x - 0.25, y - 0.75) - Math.SQRT2 / 4;
  const toTop = x ** 2 + (y - 1) ** 2;
  const along = 0.5 * Math.max(x + y, 0);
  const toDiagonal = (x - along) ** 2 + (y - along) ** 2;
  return Math.sqrt(Math.min(toTop, toDiagonal)) * Math.sign(x - y);
}

/** Signed distance to an arc of a circle of `radius`, symmetric about the +y axis, with round caps. */
function arc(p: Point, halfAperture: number, radius: number, thickness: number): number {
  const sin = Math.sin(halfAperture);
  const cos = Math.cos(halfAperture);
  const x = Math.abs(p.x);
  const beyondCap = cos * x > sin * p.y;
  const distance = beyondCap ? length(x - sin * radius, p.y - cos * radius) : Math.abs(length(x, p.y) - radius);
  return distance - thickness;
}

function rotate(p: Point, angle: number): Point {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return { x: cos * p.x + sin * p.y, y: -sin * p.x + cos * p.y };
}

/** The colour at a point of the unit square [-1, 1]², or null outside the mark. */
function shade(p: Point, withArcs: boolean): Rgb | null {
  if (roundedSquare(p, 0.92, 0.24) > 0) return null;
  const heartScale = withArcs ? 0.56 : 0.72;
  // The heart's lobes reach y ≈ 1.06 from its tip: centre it vertically.
  const heartPoint = { x: p.x / heartScale, y: (p.y + 0.53 * heartScale) / heartScale };
  if (heart(heartPoint) < 0) return WHITE;
  if (withArcs) {
    const aperture = (Math.PI * 140) / 360;
    const first = arc(rotate(p, Math.PI / 4), aperture, 0.7, 0.045);
    const second = arc(rotate(p, Math.PI / 4 + Math.PI), aperture, 0.7, 0.045);
    if (Math.min(first, second) < 0) return WHITE;
  }
  // A gentle vertical shading keeps the square from looking flat.
  const t = (1 - p.y) / 2;
  const mix = (from: number, to: number): number => Math.round(from + (to - from) * t);
  return [mix(RED[0], DEEP_RED[0]), mix(RED[1], DEEP_RED[1]), mix(RED[2], DEEP_RED[2])];
}

function drawIcon(size: number): PNG {
  const png = new PNG({ width: size, height: size });
  const withArcs = size >= ARCS_FROM_SIZE;
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLING; sx += 1) {
          const x = ((column + (sx + 0.5) / SUPERSAMPLING) / size) * 2 - 1;
          // Image rows grow downwards; the mark's y grows upwards.
          const y = 1 - ((row + (sy + 0.5) / SUPERSAMPLING) / size) * 2;
          const colour = shade({ x, y }, withArcs);
          if (colour === null) continue;
          red += colour[0];
          green += colour[1];
          blue += colour[2];
          covered += 1;
        }
      }
      const offset = (row * size + column) * 4;
      // Colours are averaged over the covered samples only, so edges fade in alpha, not towards black.
      png.data[offset] = covered === 0 ? 0 : Math.round(red / covered);
      png.data[offset + 1] = covered === 0 ? 0 : Math.round(green / covered);
      png.data[offset + 2] = covered === 0 ? 0 : Math.round(blue / covered);
      png.data[offset + 3] = Math.round((covered / SUPERSAMPLING ** 2) * 255);
    }
  }
  return png;
}

function main(): void {
  const folder = join(import.meta.dirname, '..', 'resources', 'icons');
  mkdirSync(folder, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(folder, `${size}x${size}.png`);
    writeFileSync(file, PNG.sync.write(drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}

main();
