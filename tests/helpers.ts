// Runs the pure stages on hand-written in-memory files.

import { sortDiagnostics, type Diagnostic } from '../src/diagnostics.js';
import type { LoadedMeeting } from '../src/load/load-meeting.js';
import type { NumberedReport, Report } from '../src/model.js';
import { numberReport } from '../src/number/number-report.js';
import { parseMeeting } from '../src/parse/parse-meeting.js';

export const FRONTMATTER = `---
committee: Permanent Technical Committee
committee_short: PTC
session: 219th/220th Sessions
start: 2018-04-16
end: 2018-04-20
place: Brussels
issued: 2018-05-02
symbol: PC0517E1a
---
`;

/** `files` maps paths inside the meeting folder (meeting.md, items/…, annexes/…) to their text. */
export function loaded(files: Readonly<Record<string, string>>): LoadedMeeting {
  const pick = (prefix: string) =>
    Object.keys(files)
      .filter((p) => p.startsWith(prefix))
      .sort()
      .map((p) => ({ path: `m/${p}`, text: files[p]! }));
  const meeting = files['meeting.md'];
  // documents/x.md, or documents/x/document.md with documents/x/annexes/*.md
  const names = [...new Set(Object.keys(files).filter((p) => p.startsWith('documents/')).map((p) => p.split('/')[1]!))].sort();
  const documents = names.map((name) => {
    const single = `documents/${name}`;
    if (name.endsWith('.md')) return { name: name.replace(/\.md$/, ''), file: { path: `m/${single}`, text: files[single]! }, annexes: [] };
    return { name, file: { path: `m/${single}/document.md`, text: files[`${single}/document.md`] ?? '' }, annexes: pick(`${single}/annexes/`) };
  });
  const lock = files['numbering.lock.yaml'];
  return { dir: 'm', meeting: meeting === undefined ? null : { path: 'm/meeting.md', text: meeting }, lock: lock === undefined ? null : { path: 'm/numbering.lock.yaml', text: lock }, items: pick('items/'), annexes: pick('annexes/'), documents };
}

export interface Run {
  readonly report: Report | null;
  readonly numbered: NumberedReport | null;
  readonly diagnostics: Diagnostic[];
  /** "file:line:column severity ruleId" of every diagnostic, for compact assertions. */
  readonly problems: string[];
}

export function run(files: Readonly<Record<string, string>>): Run {
  const parsed = parseMeeting(loaded(files));
  const diagnostics = [...parsed.diagnostics];
  let numbered: NumberedReport | null = null;
  if (parsed.value) {
    const n = numberReport(parsed.value);
    diagnostics.push(...n.diagnostics);
    numbered = n.value;
  }
  const sorted = sortDiagnostics(diagnostics);
  return {
    report: parsed.value,
    numbered,
    diagnostics: sorted,
    problems: sorted.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId}`),
  };
}

/** A meeting whose meeting.md holds the standard frontmatter followed by `body`. */
export function runBody(body: string, more: Readonly<Record<string, string>> = {}): Run {
  return run({ 'meeting.md': FRONTMATTER + body, ...more });
}

/** Paragraph numbers with their text, in order. */
export function paragraphs(n: NumberedReport): { number: number | null; text: string }[] {
  return n.items.flatMap((item) =>
    item.body.flatMap((node) => (node.type === 'paragraph' ? [{ number: node.number, text: textOf(node.content) }] : [])),
  );
}

export function textOf(nodes: readonly { type: string; value?: string; children?: readonly unknown[] }[]): string {
  return nodes
    .map((n) => (typeof n.value === 'string' ? n.value : n.children ? textOf(n.children as never) : ''))
    .join('');
}

/** The same value without its `range` fields, to assert on structure and text alone. */
export function stripRanges<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'range' ? undefined : v))) as T;
}
