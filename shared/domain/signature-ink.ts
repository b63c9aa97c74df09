/**
 * Whether a drawn signature has enough ink to stand for a person's name, measured the same way on the
 * signature pad (the canvas's pixels) and at the station (the decoded PNG), so the pad never offers a
 * signature the station would refuse.
 *
 * The image is cut into square cells, 40 across whatever its resolution (a pad on a high-density screen
 * has more pixels, not more cells). A signature needs ink in at least 12 cells (with a stroke of a few
 * pixels, a path about a third of the pad's width long, e.g. two or three short characters) and its ink
 * must span at least 4 cells across and 3 down: a tap (one or a few cells) or a flat dash is refused,
 * while the shortest real name written by finger passes easily. It is a floor against accidental taps,
 * not a handwriting check.
 */
export const SIGNATURE_GRID_COLUMNS = 40;
export const SIGNATURE_MIN_INKED_CELLS = 12;
export const SIGNATURE_MIN_SPAN_COLUMNS = 4;
export const SIGNATURE_MIN_SPAN_ROWS = 3;

/** A pixel counts as ink when it is mostly opaque and dark (the pad draws near-black on transparent). */
const MIN_INK_ALPHA = 128;
const MAX_INK_CHANNEL = 128;

/** RGBA pixels, four bytes each, row by row: a canvas's ImageData or a decoded PNG. */
export interface RgbaImage {
  width: number;
  height: number;
  data: ArrayLike<number>;
}

export function hasEnoughInk(image: RgbaImage): boolean {
  const { width, height, data } = image;
  if (width <= 0 || height <= 0 || data.length < width * height * 4) return false;
  const cellSize = Math.max(1, Math.round(width / SIGNATURE_GRID_COLUMNS));
  const inkedCells = new Set<number>();
  let minColumn = Infinity;
  let maxColumn = -Infinity;
  let minRow = Infinity;
  let maxRow = -Infinity;
  const columns = Math.ceil(width / cellSize);
  for (let y = 0; y < height; y += 1) {
    const row = Math.floor(y / cellSize);
    for (let x = 0; x < width; x += 1) {
      const at = (y * width + x) * 4;
      const inked = data[at + 3]! >= MIN_INK_ALPHA && Math.max(data[at]!, data[at + 1]!, data[at + 2]!) < MAX_INK_CHANNEL;
      if (!inked) continue;
      const column = Math.floor(x / cellSize);
      inkedCells.add(row * columns + column);
      minColumn = Math.min(minColumn, column);
      maxColumn = Math.max(maxColumn, column);
      minRow = Math.min(minRow, row);
      maxRow = Math.max(maxRow, row);
    }
  }
  return (
    inkedCells.size >= SIGNATURE_MIN_INKED_CELLS &&
    maxColumn - minColumn + 1 >= SIGNATURE_MIN_SPAN_COLUMNS &&
    maxRow - minRow + 1 >= SIGNATURE_MIN_SPAN_ROWS
  );
}
