// The decisions register of one or many meetings as JSON, CSV or a Markdown table.

import type { DecisionRecord } from '../json/render-json.js';

export const DECISION_FORMATS = ['json', 'csv', 'md'] as const;
export type DecisionFormat = (typeof DECISION_FORMATS)[number];

export interface MeetingDecisions {
  readonly symbol: string;
  readonly decisions: readonly DecisionRecord[];
}

/**
 * `actions`: the registers are working documents' (`acta decisions --actions`), their `item` the
 * section the action list closes, always printed with every record naming its document.
 */
export function formatDecisions(meetings: readonly MeetingDecisions[], format: DecisionFormat, kind: 'decisions' | 'actions' = 'decisions'): string {
  const rows = meetings.flatMap((m) => m.decisions.map((d) => ({ symbol: m.symbol, ...d })));
  switch (format) {
    case 'json':
      if (kind === 'actions') return `${JSON.stringify({ actions: rows.map(({ subitem: _subitem, item, ...r }) => ({ ...r, section: item })) }, null, 2)}\n`;
      // One meeting: the shape of decisions.json; several: every record names its meeting.
      return `${JSON.stringify(meetings.length === 1 ? { symbol: meetings[0]!.symbol, decisions: meetings[0]!.decisions } : { decisions: rows }, null, 2)}\n`;
    case 'csv': {
      const header = ['symbol', 'id', 'item', 'subitem', 'paragraph', 'text'];
      const lines = rows.map((r) => [r.symbol, r.id, r.item, r.subitem ?? '', String(r.paragraph), r.text].map(csvField).join(','));
      // The byte-order mark makes Excel read the file as UTF-8 (without it, "é" opens as "Ã©").
      return `\ufeff${[header.join(','), ...lines].join('\r\n')}\r\n`;
    }
    case 'md': {
      const lines = [kind === 'actions' ? '| Document | Action | Section | Paragraph | Text |' : '| Symbol | Decision | Item | Paragraph | Text |', '| --- | --- | --- | --- | --- |'];
      for (const r of rows) {
        const item = r.subitem ? `${r.item} (${r.subitem})` : r.item;
        lines.push(`| ${mdCell(r.symbol)} | ${r.id} | ${item} | ${r.paragraph} | ${mdCell(r.text)} |`);
      }
      return `${lines.join('\n')}\n`;
    }
  }
}

/**
 * RFC 4180: quote a field that holds a comma, quote or line break; double the quotes. A field that
 * starts as a formula does in a spreadsheet (`=`, `+`, `-`, `@`, a tab or a carriage return) gets a
 * leading `'` and quotes, the OWASP rule against CSV injection: Excel and LibreOffice then read it
 * as text, never as a formula or a live link (`=HYPERLINK(…)`).
 */
export function csvField(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return text !== value || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function mdCell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
