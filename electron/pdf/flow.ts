import type { Canvas, DrawStyle } from './canvas';
import { lineHeight } from './text-layout';

/**
 * A column that blocks are stacked into from the top. A flow that does not draw only measures: the
 * thermal receipt runs its content once that way to learn its height, then again on a page that fits.
 */
export class Flow {
  y: number;

  constructor(
    readonly canvas: Canvas,
    readonly x: number,
    top: number,
    readonly width: number,
    readonly drawing: boolean,
  ) {
    this.y = top;
  }

  /** A wrapped text across the column (or from `indent` on). */
  text(text: string, style: DrawStyle, indent = 0): this {
    const box = { x: this.x + indent, y: this.y, width: this.width - indent };
    this.y += this.drawing ? this.canvas.text(text, box, style) : this.canvas.measure(text, box.width, style);
    return this;
  }

  /**
   * A label and its value side by side, their first lines centred on each other (the value may be set
   * larger); the row is as tall as the taller of the two.
   */
  row(label: string, value: string, labelWidth: number, labelStyle: DrawStyle, valueStyle: DrawStyle): this {
    const valueWidth = this.width - labelWidth;
    const shift = (lineHeight(valueStyle) - lineHeight(labelStyle)) / 2;
    const labelTop = this.y + Math.max(0, shift);
    const valueTop = this.y + Math.max(0, -shift);
    const heights = this.drawing
      ? [
          this.canvas.text(label, { x: this.x, y: labelTop, width: labelWidth }, labelStyle) + labelTop - this.y,
          this.canvas.text(value, { x: this.x + labelWidth, y: valueTop, width: valueWidth }, valueStyle) + valueTop - this.y,
        ]
      : [this.canvas.measure(label, labelWidth, labelStyle) + labelTop - this.y, this.canvas.measure(value, valueWidth, valueStyle) + valueTop - this.y];
    this.y += Math.max(...heights);
    return this;
  }

  gap(points: number): this {
    this.y += points;
    return this;
  }

  /** A horizontal rule across the column at the current position (it takes no height). */
  rule(color: string, lineWidth: number, dash?: number): this {
    if (this.drawing) {
      const { doc } = this.canvas;
      doc.save().lineWidth(lineWidth).strokeColor(color);
      if (dash) doc.dash(dash, { space: dash });
      doc.moveTo(this.x, this.y).lineTo(this.x + this.width, this.y).stroke().restore();
    }
    return this;
  }

  /** A block of known height drawn by the caller at the current position. */
  block(height: number, draw: (top: number) => void): this {
    if (this.drawing) draw(this.y);
    this.y += height;
    return this;
  }
}
