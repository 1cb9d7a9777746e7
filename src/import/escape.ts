// The one way the import writes text into Markdown: whatever a reviewer typed in Word stays text when it is read
// again. Every ASCII character that Markdown, GFM, directives, CriticMarkup or acta's attribute blocks give a meaning
// is escaped with a backslash (CommonMark lets any ASCII punctuation be escaped so), line starts that would open a
// block are escaped, and a line break is a hard break. tests/import/escape.test.ts reads what it writes back with
// acta's own reader, for random text.

/** Characters escaped wherever they are: emphasis, code, links and images, HTML, strikethrough, CriticMarkup, braces, tables. */
const ANYWHERE = /[\\`*_[\]<>~{}|]/g;
/**
 * What GFM would make a link of by itself (an address, `www.`, an e-mail's `@`): the link was not one in Word (a link
 * there is a hyperlink, written as a Markdown link), so the text stays text.
 */
const AUTOLINK = /(?:https?|ftp|mailto|xmpp):|www\.|@/gi;
/** An entity or character reference (`&amp;`, `&#58;`), which the reader would decode. */
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;
/** What opens a block at the start of a line: a heading, quote, list item, thematic break or fence, a setext underline. */
const BLOCK_START = /^([ \t]*)(#{1,6}(?=[ \t]|$)|[-+](?=[ \t]|$)|\d{1,9}(?=[.)](?:[ \t]|$))|=+[ \t]*$|-+[ \t]*$|:{2,}|[ \t]*$)/;

export interface EscapeOptions {
  /** In a GFM table cell: a line break is `<br>` (a cell is one line). */
  readonly cell?: boolean;
}

/** Text as Markdown that reads back as exactly this text (line starts are left to `escapeLineStarts`). */
export function escapeText(text: string, options: EscapeOptions = {}): string {
  const escaped = text.replace(ANYWHERE, (c) => `\\${c}`).replace(ENTITY, '\\&').replace(AUTOLINK, (m) => `${m.slice(0, -1)}\\${m.at(-1)}`);
  return options.cell ? escaped.replace(/\r?\n/g, '<br>') : escaped.replace(/\r?\n/g, '\\\n');
}

/** A paragraph's Markdown with every line that would open a block made plain text. */
export function escapeLineStarts(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      const m = BLOCK_START.exec(line);
      if (!m || m[0].trim() === '') return line;
      const indent = m[1]!;
      const rest = line.slice(indent.length);
      // A number before `.` or `)`: the punctuation is escaped (`1\.`); anything else, its first character.
      const number = /^\d{1,9}(?=[.)])/.exec(rest);
      return number ? `${indent}${number[0]}\\${rest.slice(number[0].length)}` : `${indent}\\${rest}`;
    })
    .join('\n');
}

/** A link's address as Markdown: characters that would end or break it are percent-encoded, as a browser would send them. */
export function escapeUrl(url: string): string {
  return url.replace(/[\s()<>[\]\\`{}|^"']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Characters XML 1.0 and Markdown files should not hold: C0 controls but tab and line feed, and noncharacters. */
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
