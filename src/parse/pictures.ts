// `![description](images/map.png)`: a picture of the meeting's `images/` folder, read into the model with its size.
// The folder was read by the loader; here the address is resolved against it, so parsing stays a function of its input.

import path from 'node:path';
import { imageSize } from 'image-size';
import { XMLValidator } from 'fast-xml-parser';
import { error, shortened, warning, type Diagnostic } from '../diagnostics.js';
import { sha256 } from '../hash.js';
import type { ImageFormat, ImageInline, SourceRange } from '../model.js';
import { IMAGES_FOLDER, PICTURE_FILE } from '../load/load-pictures.js';
import type { Readings } from './readings.js';

/** What a file's pictures are resolved against: the meeting's pictures, and the file's folder inside the meeting. */
export interface PictureSource {
  /** Absent when the Markdown alone was read (a DOCX's base): pictures are then taken on trust, unread. */
  readonly images: ReadonlyMap<string, Uint8Array | null> | undefined;
  /** The Markdown file's folder, from the meeting folder with `/` (`items`, `` for meeting.md). */
  readonly folder: string;
  /** Where a picture's reading is kept, so one shown twice is read once. */
  readonly readings?: Pick<Readings, 'readingOf'>;
}

const FORMATS: Readonly<Record<string, ImageFormat>> = { png: 'png', jpg: 'jpeg', svg: 'svg' };


/**
 * The first file or address an SVG draws from outside itself (an `<image href>`, a `url(…)`, an `@import`), or null.
 * Word, browsers and the PNG drawn for Word would each read it, from the disk of whoever opens or builds the report:
 * a picture carries all it shows. Links within the SVG (`#id`) and `data:` addresses are its own.
 */
function referenceOutside(svg: string): string | null {
  const own = (address: string) => address.startsWith('#') || /^data:/i.test(address);
  for (const m of svg.matchAll(/\bhref\s*=\s*(["'])(.*?)\1/gis)) if (!own(m[2]!.trim())) return m[2]!.trim();
  for (const m of svg.matchAll(/url\(\s*(["']?)(.*?)\1\s*\)/gis)) if (!own(m[2]!.trim())) return m[2]!.trim();
  const imported = /@import\s+(?:url\()?\s*["']?([^"')\s;]+)/i.exec(svg);
  return imported ? imported[1]! : null;
}

/** A picture far longer than it is wide cannot be set on a page, nor its SVG drawn for Word: one side at most this many times the other. */
const MAX_SHAPE = 1000;
const NO_SIZE = 'an SVG picture without a size, expected `width` and `height` on its `<svg>`, or a `viewBox`';

/** What is wrong with an SVG's text that a reader of it would trip on, or null. */
function svgProblem(svg: string): string | null {
  if (/<!ENTITY/i.test(svg)) return 'an SVG picture that declares entities, which acta does not read, expected one without (save it again without them)';
  const valid = XMLValidator.validate(svg);
  if (valid !== true) return `an SVG picture that is not well-formed (line ${valid.err.line}: ${valid.err.msg.replace(/\.$/, '')}), expected well-formed XML (open it in a drawing program and save it again)`;
  // Without it, an SVG is XML of no kind a reader draws: browsers show nothing and the SVG renderer refuses it.
  if (!/<svg\b[^>]*\sxmlns\s*=\s*(["'])http:\/\/www\.w3\.org\/2000\/svg\1/.test(svg)) {
    return 'an SVG picture without `xmlns="http://www.w3.org/2000/svg"` on its `<svg>`, which no reader draws, expected the SVG namespace (save it again from a drawing program)';
  }
  const outside = referenceOutside(svg);
  return outside === null ? null : `an SVG picture that draws another file (\`${shortened(outside, 60)}\`), which acta does not read, expected what it draws inside the SVG`;
}

/** A picture's format and size, or what is wrong with it in a secretariat's words. */
function measure(bytes: Uint8Array): { format: ImageFormat; width: number; height: number; data: string; digest: string } | string {
  const looksSvg = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg\b/i.test(Buffer.from(bytes.subarray(0, 4096)).toString('utf8'));
  let result: ReturnType<typeof measure>;
  try {
    const size = imageSize(bytes);
    const format = size.type ? FORMATS[size.type] : undefined;
    // A photograph turned by its camera (EXIF orientation 5 to 8) is shown on its side's measure.
    const turned = (size.orientation ?? 1) >= 5;
    const width = turned ? size.height : size.width;
    const height = turned ? size.width : size.height;
    const svg = format === 'svg' ? svgProblem(Buffer.from(bytes).toString('utf8')) : null;
    if (!format) result = `a ${size.type?.toUpperCase() ?? 'different'} picture`;
    else if (svg !== null) result = svg;
    else if (!width || !height) result = format === 'svg' ? NO_SIZE : 'a picture without a size';
    else if (Math.max(width, height) > MAX_SHAPE * Math.min(width, height)) result = `a picture of ${width} × ${height} pixels, more than ${MAX_SHAPE} times longer than it is wide`;
    else result = { format, width, height, data: Buffer.from(bytes).toString('base64'), digest: sha256(bytes) };
  } catch {
    // image-size stops at an SVG it cannot read: the XML reader says why, when it can.
    result = looksSvg ? (svgProblem(Buffer.from(bytes).toString('utf8')) ?? NO_SIZE) : 'not a picture acta can read';
  }
  return result;
}

/**
 * The picture an image node shows, or what to say instead: a missing or unreadable file is an error at its place; an
 * address on the web, or a picture that is not PNG, JPEG or SVG, too (the description is then kept as text).
 */
export function pictureOf(source: PictureSource, url: string, alt: string, range: SourceRange): { readonly picture?: ImageInline; readonly said?: Diagnostic } {
  const shown = shortened(url, 60);
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return { said: error(range, 'picture-address', `Unexpected picture from \`${shown}\`, expected a picture in the meeting's \`${IMAGES_FOLDER}/\` folder: acta fetches nothing from the web (save the picture in \`${IMAGES_FOLDER}/\` and write \`![${alt || 'description'}](${IMAGES_FOLDER}/name.png)\`)`) };
  }
  let address: string;
  try {
    address = decodeURIComponent(url.split(/[?#]/)[0]!);
  } catch {
    address = url;
  }
  // A Windows path's backslashes are folders too; a name is compared as composed characters (é, not e and an accent),
  // as the folder's names are.
  address = address.replaceAll('\\', '/').normalize('NFC');
  if (!PICTURE_FILE.test(address)) {
    return { said: error(range, 'picture-format', `Unexpected picture \`${shown}\`, expected a PNG, JPEG or SVG file (\`.png\`, \`.jpg\`, \`.svg\`): save it in one of those formats`) };
  }
  // From the Markdown file's folder, as any Markdown editor shows it; else from the meeting folder.
  const candidates = [path.posix.join(source.folder, address), path.posix.normalize(address)].filter((p) => !p.startsWith('..') && !path.posix.isAbsolute(p));
  const inFolder = candidates.filter((p) => p.startsWith(`${IMAGES_FOLDER}/`));
  if (source.images === undefined) {
    // Taken on trust, as the DOCX's base: its text is what counts, the picture is in the meeting folder.
    const src = inFolder[0] ?? address;
    const format = FORMATS[PICTURE_FILE.exec(src)![1]!.toLowerCase().replace('jpeg', 'jpg')]!;
    return { picture: { type: 'image', alt, src, format, width: 1, height: 1, data: '', digest: '', range } };
  }
  const found = inFolder.find((p) => source.images!.has(p));
  if (found === undefined) {
    const wanted = inFolder[0];
    const near = wanted === undefined ? undefined : [...source.images.keys()].find((k) => k.toLowerCase() === wanted.toLowerCase());
    return {
      said: error(
        range,
        'picture-missing',
        wanted === undefined
          ? `Unexpected picture \`${shown}\` outside the meeting's \`${IMAGES_FOLDER}/\` folder, expected it there: move it to \`${IMAGES_FOLDER}/\` and write \`![${alt || 'description'}](${IMAGES_FOLDER}/${path.posix.basename(address)})\``
          : `Picture \`${wanted}\` not found, expected the file in the meeting's \`${IMAGES_FOLDER}/\` folder${near ? ` (there is \`${near}\`: names must match exactly, capitals included)` : ''}`,
      ),
    };
  }
  const bytes = source.images.get(found)!;
  // Refused when the folder was read, and said there: once is enough.
  if (bytes === null) return {};
  const read = source.readings ? source.readings.readingOf('picture', bytes, () => measure(bytes)) : measure(bytes);
  if (typeof read === 'string') {
    // An SVG's reason says what it expects; for any other file, a picture saved again as PNG is the way.
    const expected = read.startsWith('an SVG') ? '' : ', expected a PNG, JPEG or SVG picture (open it and save it again as PNG)';
    return { said: error(range, 'picture-unreadable', `Unexpected file \`${found}\`: ${read}${expected}`) };
  }
  const picture: ImageInline = { type: 'image', alt, src: found, ...read, range };
  if (alt.trim()) return { picture };
  return {
    picture,
    said: warning(range, 'picture-description', `Unexpected picture \`${found}\` without a description, expected one between the brackets (\`![A map of the transit corridors](${found})\`): it is what a reader who cannot see the picture hears, and what Word shows as its alt text`),
  };
}
