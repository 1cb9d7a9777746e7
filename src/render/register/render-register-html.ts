// The register across sessions as one self-contained HTML page: a view-model laid out by templates/register.hbs,
// filtered by committee, item subject and status by a small script that its Content-Security-Policy names by hash.

import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import type { Register, RegisterEntry, RegisterLink, Status } from '../../register/build-register.js';
import { RELATION_WORDS, STATUSES } from '../../register/build-register.js';

export interface RegisterTemplates {
  readonly main: string;
  readonly styles: string;
  readonly script: string;
}

/** Where the register's page finds each session's report, by symbol (relative href), when it was built beside it. */
export type ReportLinks = ReadonlyMap<string, string>;

const STATUS_WORDS: Readonly<Record<Status, string>> = {
  'in-force': 'In force',
  amended: 'In force, amended',
  completed: 'Completed',
  superseded: 'Superseded',
};

/** The page's own anchor for a decision: its stable id, which may hold `/`, `(` and `)`. */
const anchorOf = (stableId: string) => `decision-${stableId}`;
const hrefOf = (stableId: string) => `#${encodeURIComponent(anchorOf(stableId))}`;

function linkView(link: RegisterLink, side: 'active' | 'passive') {
  // A decision not in this register (restricted, in the public one) is named without a link.
  return { words: RELATION_WORDS[link.relation][side], id: link.decision, href: link.listed ? hrefOf(link.decision) : null };
}

function rowView(d: RegisterEntry, reports: ReportLinks) {
  const report = reports.get(d.session.symbol);
  const ids = (list: readonly string[]) => list.map((id) => ({ id, href: hrefOf(id) }));
  return {
    anchor: anchorOf(d.stable_id),
    stableId: d.stable_id,
    symbol: d.session.symbol,
    committee: d.session.committee_short,
    date: d.session.start,
    item: d.subitem ? `${d.item.numeral} (${d.subitem.letter})` : d.item.numeral,
    subject: d.subjects.join(' / '),
    subjectsKey: d.subjects.join('\n').toLowerCase(),
    paragraph: d.paragraph,
    paragraphHref: report && d.anchor ? `${report}#${d.anchor}` : null,
    text: d.text,
    restricted: d.restricted,
    status: d.status,
    statusWords: STATUS_WORDS[d.status],
    statusBy: ids(d.status_by),
    nowInForce: ids(d.now_in_force.filter((id) => !d.status_by.includes(id))),
    links: [...d.links.map((l) => linkView(l, 'active')), ...d.linked_from.map((l) => linkView(l, 'passive'))],
  };
}

export function registerView(register: Register, reports: ReportLinks) {
  const title = register.public ? 'Register of decisions (Public Version)' : 'Register of decisions';
  const committees = [...new Map(register.sessions.map((s) => [s.committee_short, s.committee])).entries()].map(([value, label]) => ({ value, label }));
  const subjects = [...new Set(register.decisions.flatMap((d) => d.subjects))].sort((a, b) => a.localeCompare(b, 'en'));
  const count = (symbol: string) => register.decisions.filter((d) => d.session.symbol === symbol).length;
  return {
    title,
    summary: `${register.decisions.length} decisions of ${register.sessions.length} sessions, oldest first. The status of each decision is computed from the links later decisions make to it.`,
    sessions: register.sessions.map((s) => ({ ...s, decisions: count(s.symbol), href: reports.get(s.symbol) ?? null })),
    committees,
    statuses: STATUSES.map((value) => ({ value, label: STATUS_WORDS[value] })),
    subjects,
    rows: register.decisions.map((d) => rowView(d, reports)),
  };
}

export function renderRegisterHtml(register: Register, reports: ReportLinks, templates: RegisterTemplates): string {
  const env = Handlebars.create();
  const main = env.compile(templates.main, { strict: false, preventIndent: true });
  // The page allows this one script and no other: the policy holds its hash.
  const scriptHash = createHash('sha256').update(templates.script, 'utf8').digest('base64');
  return main({ ...registerView(register, reports), styles: templates.styles, script: templates.script, scriptHash });
}
