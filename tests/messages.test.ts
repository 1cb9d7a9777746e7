// The message catalogue: every problem acta reports is worded for a secretariat officer, so no message says
// how the reader works ("directive", "YAML", "frontmatter", "node", "token").

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');
const PARSER_WORDS = /\b(directives?|yaml|frontmatters?|nodes?|tokens?)\b/i;

/** The text of a string or template literal starting at `start` (its quote), with `${…}` left out, and where it ends. */
function literalAt(code: string, start: number): { text: string; end: number } {
  const quote = code[start]!;
  let text = '';
  for (let i = start + 1; i < code.length; i++) {
    const c = code[i]!;
    if (c === '\\') {
      text += code[++i];
      continue;
    }
    if (c === quote) return { text, end: i };
    if (quote === '`' && c === '$' && code[i + 1] === '{') {
      // Skip the expression, nested literals and braces included.
      let depth = 0;
      for (i++; i < code.length; i++) {
        if (code[i] === '{') depth++;
        else if (code[i] === '}' && --depth === 0) break;
        else if (code[i] === '`' || code[i] === "'" || code[i] === '"') i = literalAt(code, i).end;
      }
      text += '…';
      continue;
    }
    text += c;
  }
  return { text, end: code.length };
}

/** Every message of the catalogue: the literals that open with "Unexpected", and the hints of the frontmatter reader. */
function messages(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const name of readdirSync(src, { recursive: true }) as string[]) {
    if (!name.endsWith('.ts')) continue;
    const code = readFileSync(path.join(src, name), 'utf8');
    for (const m of code.matchAll(/[`'](?=Unexpected |a key of |a known key |one of the keys )/g)) out.push({ file: name, text: literalAt(code, m.index).text });
  }
  return out;
}

describe('the message catalogue', () => {
  it('holds every message, and none speaks the reader’s words', () => {
    const all = messages();
    expect(all.length).toBeGreaterThan(150);
    expect(all.filter((m) => PARSER_WORDS.test(m.text)).map((m) => `${m.file}: ${m.text}`)).toEqual([]);
  });
});
