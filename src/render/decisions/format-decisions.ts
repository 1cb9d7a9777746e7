// The decisions register of one or many meetings as JSON, CSV or a Markdown table.

import { csvTable } from '../csv.js';
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
      // Actions link to nothing and are not cited by other sessions: no stable id, no links.
      if (kind === 'actions') return `${JSON.stringify({ actions: rows.map(({ subitem: _subitem, item, stable_id: _stable, links: _links, ...r }) => ({ ...r, section: item })) }, null, 2)}\n`;
      // One meeting: the shape of decisions.json; several: every record names its meeting.
      return `${JSON.stringify(meetings.length === 1 ? { symbol: meetings[0]!.symbol, decisions: meetings[0]!.decisions } : { decisions: rows }, null, 2)}\n`;
    case 'csv':
      return csvTable(['symbol', 'id', 'item', 'subitem', 'paragraph', 'text'], rows.map((r) => [r.symbol, r.id, r.item, r.subitem ?? '', String(r.paragraph), r.text]));
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

function mdCell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
