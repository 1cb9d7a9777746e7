// Pictures in Word: an inline drawing no wider than the text of a numbered paragraph, its description as alt text,
// an SVG with a PNG drawn from it for Word processors that do not read SVG.

import { createRequire } from 'node:module';
import { ImageRun } from 'docx';
import type { ImageInline } from '../../model.js';
import { contentWidth, HANG, PAGE } from './styles.js';

/** A tracked change as Word marks it: its id in the document, who made it and when. */
export interface Revision {
  readonly id: number;
  readonly author: string;
  readonly date: string;
}

/** Twips in a pixel at 96 to the inch. */
const TWIPS_PER_PIXEL = 15;
/** The widest a picture is set: the text width less a numbered paragraph's indent. */
export const PICTURE_MAX_WIDTH = Math.floor((contentWidth(false) - HANG) / TWIPS_PER_PIXEL);
/** The tallest: four fifths of the text's height, room for a line of text and the paragraph's number. */
const PICTURE_MAX_HEIGHT = Math.floor(((PAGE.height - PAGE.margin.top - PAGE.margin.bottom) * 0.8) / TWIPS_PER_PIXEL);

/** A picture's size on the page: its own (at 96 pixels to the inch), scaled down to fit, never up. */
export function pictureSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, PICTURE_MAX_WIDTH / width, PICTURE_MAX_HEIGHT / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The drawing of one picture; `id` is the drawing's number in its document (the same in every build). */
export function pictureRun(node: ImageInline, id: number, change: { readonly insertion?: Revision; readonly deletion?: Revision } | null = null): ImageRun {
  const data = Buffer.from(node.data, 'base64');
  const transformation = pictureSize(node.width, node.height);
  // `name` is the file: what `acta import` reads the picture back as.
  const altText = { id: String(id), name: node.src, description: node.alt, title: node.alt };
  const tracked = change ?? {};
  if (node.format !== 'svg') return new ImageRun({ type: node.format === 'jpeg' ? 'jpg' : 'png', data, transformation, altText, ...tracked });
  const scale = Math.min(transformation.width / node.width, transformation.height / node.height);
  return new ImageRun({ type: 'svg', data, fallback: { type: 'png', data: svgFallback(data, scale) }, transformation, altText, ...tracked });
}

/** The PNG a Word processor that cannot draw SVG shows: drawn at twice the size it is set at, fonts from the system. */
function svgFallback(svg: Buffer, scale: number): Buffer {
  // Loaded when an SVG is first drawn: a native module most builds never need.
  const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'zoom', value: scale * 2 } }).render().asPng());
}
