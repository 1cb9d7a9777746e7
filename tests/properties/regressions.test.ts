// Counterexamples the properties found, kept as plain tests.

import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/render/docx/render-docx.js';
import { renderHtml } from '../../src/render/html/render-html.js';
import { run } from '../helpers.js';
import { writeMeeting, type MeetingSpec, type Sentence } from './meeting-arbitrary.js';
import { env } from './run-spec.js';

const plain: Sentence = { words: ['The', 'Customs'], emphasis: false, code: false, insertion: false, deletion: false, span: false, footnote: false, ref: null, chaos: null };
const withChaos = (chaos: string): MeetingSpec => ({
  language: 'en',
  items: [{ title: plain, purpose: false, body: [{ kind: 'para', text: { ...plain, chaos }, attach: null, id: false }] }],
  annexes: [],
  splitFiles: false,
});

describe('regressions found by the properties', () => {
  // Found by "the HTML parses" (U+000E, then the non-character U+7FFFE): such characters reached the
  // HTML as parse errors, and control characters the DOCX as invalid XML.
  it.each([['\u000e'], ['\u{7fffe}'], ['\u000b'], ['\u0001']])('keeps %j out of the HTML and the DOCX', async (chaos) => {
    const r = run(writeMeeting(withChaos(chaos)).files);
    expect(r.problems).toEqual(['m/meeting.md:12:1 warning no-decisions', 'm/meeting.md:14:13 warning control-character']);
    const errors: string[] = [];
    parse(renderHtml(r.numbered!, env.html), { onParseError: (e) => errors.push(e.code) });
    expect(errors).toEqual([]);
    const document = strFromU8(unzipSync(await renderDocx(r.numbered!))['word/document.xml']!);
    expect(document).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]|[\u{7fffe}]/u);
  });
});
