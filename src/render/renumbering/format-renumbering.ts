// The renumbering report as Markdown: what a secretariat checks before sending a draft again. Its own words are
// English, as the aligned page's and the register's are; numbers and labels are the report's.

import type { Catalogue } from '../../i18n/catalogue.js';
import type { Renumbering } from '../../renumber/compare-numbering.js';
import { mdCell } from '../decisions/format-decisions.js';

type Entry = Renumbering['paragraphs'][number];

/** Runs of paragraphs that moved by the same step, one row each ("14 – 116 → 15 – 117"); anything else a row alone. */
function runsOf(entries: readonly Entry[]): { before: string; now: string; what: string }[] {
  const rows: { before: string; now: string; what: string }[] = [];
  let run: { first: Entry; last: Entry; step: number } | null = null;
  const flush = () => {
    if (!run) return;
    const { first, last, step } = run;
    const span = (a: number | string | null, b: number | string | null) => (a === b ? String(a) : `${a} – ${b}`);
    rows.push({ before: span(first.before, last.before), now: span(first.now, last.now), what: `moved (${step > 0 ? '+' : ''}${step})` });
    run = null;
  };
  for (const e of entries) {
    const step = typeof e.before === 'number' && typeof e.now === 'number' ? e.now - e.before : null;
    if (e.change === 'moved' && step !== null) {
      if (run && run.step === step && typeof run.last.now === 'number' && e.now === run.last.now + 1) run.last = e;
      else {
        flush();
        run = { first: e, last: e, step };
      }
      continue;
    }
    flush();
    rows.push({ before: e.before === null ? '—' : String(e.before), now: e.now === null ? '—' : String(e.now), what: `${e.change} (Item ${e.item})` });
  }
  flush();
  return rows;
}

export function formatRenumbering(r: Renumbering, since: string, catalog: Catalogue): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const of = (change: Entry['change']) => r.paragraphs.filter((p) => p.change === change).length;
  const lines = [
    `# Renumbering of ${r.symbol} since ${since}`,
    '',
    `${count(r.counts.before, 'numbered paragraph')} before, ${r.counts.now} now: ${of('inserted')} inserted, ${of('deleted')} deleted, ${of('moved')} with another number, ${r.unchanged} unchanged.`,
  ];
  if (r.paragraphs.length === 0 && r.references.length === 0 && r.ranges.length === 0 && r.decisions.length === 0) {
    lines.push('', 'No number moved: every paragraph, reference, agenda range and decision id reads as before.');
    return `${lines.join('\n')}\n`;
  }
  if (r.paragraphs.length) {
    lines.push('', '## Paragraph numbers', '', '| before | now | |', '| --- | --- | --- |');
    for (const row of runsOf(r.paragraphs)) lines.push(`| ${row.before} | ${row.now} | ${row.what} |`);
  }
  if (r.references.length) {
    lines.push('', '## References that print something else', '', '| where | in paragraph | reference | printed before | printed now |', '| --- | --- | --- | --- | --- |');
    for (const ref of r.references) lines.push(`| ${mdCell(`${ref.file}:${ref.line}:${ref.column}`)} | ${ref.paragraph ?? ''} | \`[](#${ref.id})\` | ${mdCell(ref.before)} | ${mdCell(ref.printed)} |`);
  }
  if (r.ranges.length) {
    lines.push('', `## Agenda ranges (the "${catalog.paragraph}" column)`, '', '| item | before | now |', '| --- | --- | --- |');
    for (const range of r.ranges) lines.push(`| ${range.item} | ${range.before || '—'} | ${range.now || '—'} |`);
  }
  if (r.decisions.length) {
    lines.push('', '## Decision ids', '', '| before | now | decision |', '| --- | --- | --- |');
    for (const d of r.decisions) lines.push(`| ${d.before} | ${d.now} | ${mdCell(d.text.length > 80 ? `${d.text.slice(0, 79)}…` : d.text)} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** The same, in a few lines for the banner of `acta watch`: empty when nothing moved. */
export function renumberingNotice(r: Renumbering): string[] {
  const lines: string[] = [];
  const rows = runsOf(r.paragraphs);
  const shown = rows.slice(0, 6).map((row) => (row.before === '—' ? `${row.now}: ${row.what}` : row.now === '—' ? `${row.before}: ${row.what}` : `${row.before} → ${row.now}: ${row.what}`));
  if (rows.length > 6) shown.push(`and ${rows.length - 6} more`);
  if (shown.length) lines.push(`Paragraph numbers: ${shown.join('; ')}.`);
  if (r.references.length) lines.push(`References that print something else: ${r.references.slice(0, 6).map((ref) => `${ref.before} → ${ref.printed} (${ref.file.split('/').at(-1)}:${ref.line})`).join('; ')}${r.references.length > 6 ? `; and ${r.references.length - 6} more` : ''}.`);
  if (r.ranges.length) lines.push(`Agenda ranges: ${r.ranges.slice(0, 6).map((range) => `${range.item} ${range.before || '—'} → ${range.now || '—'}`).join('; ')}${r.ranges.length > 6 ? `; and ${r.ranges.length - 6} more` : ''}.`);
  if (r.decisions.length) lines.push(`Decision ids: ${r.decisions.slice(0, 4).map((d) => `${d.before} → ${d.now}`).join('; ')}${r.decisions.length > 4 ? `; and ${r.decisions.length - 4} more` : ''}.`);
  return lines.length ? ['Numbers moved since the last version shown here (acta renumbering writes the full list):', ...lines] : [];
}
