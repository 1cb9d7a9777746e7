// The words for a frontmatter value its schema refuses (src/parse/frontmatter.ts): one message a key, by the check
// that failed, showing the value as typed.

import type * as z from 'zod/mini';
import { error, shortened, type Diagnostic, type Place } from '../diagnostics.js';
import { LANGUAGES } from '../i18n/catalogues.js';

/** The error for the value of `key`, typed at `place`, that fails a check of its schema. */
export function issueError(issue: z.core.$ZodIssue, key: string, place: Place): Diagnostic {
  const input = issue.input;
  const shown = showValue(input);
  if (issue.message === 'date') {
    return error(place, 'bad-date', `Unexpected date ${shown} for \`${key}\`, expected a real date written YYYY-MM-DD`);
  } else if (issue.message === 'symbol') {
    return error(place, 'bad-symbol', `Unexpected symbol ${shown}, expected letters, digits, \`.\`, \`_\` or \`-\` (it names the output files)`);
  } else if (issue.message === 'item') {
    return error(place, 'bad-id', `Unexpected item ${shown}, expected the id of an agenda item or sub-item, as set with \`{#id}\` on its heading`);
  } else if (issue.message === 'id') {
    return error(place, 'bad-id', `Unexpected id ${shown}, expected letters, digits, \`.\`, \`_\` or \`-\``);
  } else if (issue.message === 'empty') {
    return error(place, 'empty-value', `Unexpected empty \`${key}\`, expected some text`);
  } else if (issue.code === 'invalid_value' && key === 'language') {
    return error(place, 'unknown-language', `Unexpected language ${shown}, expected ${LANGUAGES.map((l) => `\`${l}\``).join(' or ')}`);
  } else if (issue.code === 'invalid_value') {
    const options = (issue.values as readonly unknown[]).map((v) => `\`${String(v)}\``).join(' or ');
    return error(place, 'bad-value', `Unexpected ${shown} for \`${key}\`, expected ${options}`);
  } else if (issue.code === 'invalid_type') {
    return error(place, 'wrong-type', `Unexpected ${typeName(input)} ${shown} for \`${key}\`, expected ${issue.expected === 'boolean' ? '`true` or `false`' : 'text'}`);
  }
  return error(place, 'bad-value', `Unexpected ${shown} for \`${key}\`, expected ${issue.message}`);
}

/** A value as typed, in backquotes, its start alone when it is long. */
function showValue(value: unknown): string {
  if (value === null) return '`null`';
  const shown = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A message is one line to read: a long value shows its start, a value on several lines is shown on one.
  return `\`${shortened(shown, 80)}\``;
}

/** The kind of a value of the wrong type, in words. */
function typeName(value: unknown): string {
  if (value === null) return 'empty value';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return typeof value;
}
