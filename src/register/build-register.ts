// One register of decisions across the sessions of an archive: every decision with its session, item and text, its
// links both ways and a status computed from them. The links are checked here, on the full editions: an unknown id,
// a link to a later decision and a cycle are errors at the typed id.

import { closest, distance } from 'fastest-levenshtein';
import { error, formatPlace, warning, type Diagnostic } from '../diagnostics.js';
import type { DecisionLink, LinkRelation, MeetingMeta, NumberedReport, SourceRange } from '../model.js';
import { splitDecisionId } from '../number/decision-ids.js';
import { filterPublic } from '../public/filter-public.js';
import { plainBlocks, plainInlines, tidy } from '../plain-text.js';
import { subitemsOf } from '../walk.js';

/** A session of the archive: its folder (as given) and its numbered full edition. */
export interface ArchiveMeeting {
  readonly dir: string;
  readonly report: NumberedReport;
}

/** What the links say about a decision now, most telling first. */
export const STATUSES = ['in-force', 'amended', 'completed', 'superseded'] as const;
export type Status = (typeof STATUSES)[number];

/** A session of the register: its meeting's facts, and the folder they were read from. */
export interface RegisterSession extends Pick<MeetingMeta, 'symbol' | 'committee' | 'committee_short' | 'session' | 'start' | 'end' | 'place' | 'issued' | 'language'> {
  readonly dir: string;
}

export interface RegisterLink {
  readonly relation: LinkRelation;
  /** The stable id at the other end. */
  readonly decision: string;
  /** false when the other end is not in this register (a restricted decision, in the public register). */
  readonly listed: boolean;
}

export interface RegisterEntry {
  readonly stable_id: string;
  /** The id decisions.json gives it within its session: "I-a-1". */
  readonly id: string;
  readonly session: RegisterSession;
  readonly item: { readonly numeral: string; readonly title: string };
  /** Its sub-item; null for the item's own paragraphs and for paragraphs several sub-items share. */
  readonly subitem: { readonly letter: string; readonly title: string } | null;
  /** The subjects it is filed under: its item's title and its sub-items' titles. */
  readonly subjects: readonly string[];
  readonly paragraph: number | string | null;
  readonly anchor: string;
  readonly text: string;
  readonly restricted: boolean;
  /** What it does to earlier decisions. */
  readonly links: readonly RegisterLink[];
  /** What later decisions do to it. */
  readonly linked_from: readonly RegisterLink[];
  readonly status: Status;
  /** The decisions that give it its status (none when in force). */
  readonly status_by: readonly string[];
  /** A superseded decision: the ones in force in its place now, at the end of each chain of supersessions. */
  readonly now_in_force: readonly string[];
}

export interface Register {
  readonly public: boolean;
  readonly sessions: readonly RegisterSession[];
  readonly decisions: readonly RegisterEntry[];
}

export const RELATION_WORDS: Readonly<Record<LinkRelation, { readonly active: string; readonly passive: string }>> = {
  supersedes: { active: 'supersedes', passive: 'superseded by' },
  amends: { active: 'amends', passive: 'amended by' },
  'follows-up': { active: 'follows up', passive: 'followed up by' },
  implements: { active: 'implements', passive: 'implemented by' },
  completes: { active: 'completes', passive: 'completed by' },
};

/** Which incoming relation sets which status, in order of precedence. */
const STATUS_OF: readonly (readonly [LinkRelation, Status])[] = [
  ['supersedes', 'superseded'],
  ['completes', 'completed'],
  ['amends', 'amended'],
];

interface Node {
  readonly meeting: number;
  readonly order: number;
  readonly stableId: string;
  readonly links: readonly DecisionLink[];
  readonly restricted: boolean;
  readonly range: SourceRange;
}

/**
 * Checks the links of the archive's decisions and makes the register of one edition. Translations are left out:
 * their decisions are their original's.
 */
export function buildRegister(meetings: readonly ArchiveMeeting[], edition: 'full' | 'public'): { register: Register; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const sessions = checkSessions(meetings.filter((m) => m.report.meta.translation_of === null), diagnostics);
  const valid = checkLinks(sessions, decisionNodes(sessions), diagnostics);
  // The public register is made from each session's public edition, as every public output is: a link typed in
  // restricted text is not there, so it changes no status.
  const shown = edition === 'public' ? sessions.map((m) => ({ ...m, report: filterPublic(m.report) })) : sessions;
  const links: Links = { valid, listed: new Set(shown.flatMap((m) => m.report.decisions.map((d) => d.stableId))), incoming: incomingLinks(shown, valid) };
  const decisions = shown.flatMap((m) => sessionEntries(m, links));
  return { register: { public: edition === 'public', sessions: shown.map(sessionOf), decisions }, diagnostics };
}

/** Every decision of the sessions by its stable id, with its session and place in order, its links and where it was typed. */
function decisionNodes(sessions: readonly ArchiveMeeting[]): Map<string, Node> {
  const nodes = new Map<string, Node>();
  sessions.forEach((m, meeting) =>
    m.report.decisions.forEach((d, order) => {
      nodes.set(d.stableId, { meeting, order, stableId: d.stableId, links: d.decision.links, restricted: d.restricted, range: d.decision.range });
    }),
  );
  return nodes;
}

/** The links of the register's edition: those that passed the checks, the decisions it lists, and the links pointing at each. */
interface Links {
  readonly valid: ReadonlySet<DecisionLink>;
  readonly listed: ReadonlySet<string>;
  readonly incoming: ReadonlyMap<string, readonly RegisterLink[]>;
}

/** What later decisions do to each decision: the valid links that point at it, in the order of the sessions. */
function incomingLinks(shown: readonly ArchiveMeeting[], valid: ReadonlySet<DecisionLink>): Map<string, RegisterLink[]> {
  const incoming = new Map<string, RegisterLink[]>();
  for (const m of shown) {
    for (const d of m.report.decisions) {
      for (const link of d.decision.links) {
        if (!valid.has(link)) continue;
        const list = incoming.get(link.target) ?? [];
        list.push({ relation: link.relation, decision: d.stableId, listed: true });
        incoming.set(link.target, list);
      }
    }
  }
  return incoming;
}

/** A decision's status, from the links that point at it, and the decisions that give it. */
function statusOf(incoming: Links['incoming'], id: string): { status: Status; by: string[] } {
  const from = incoming.get(id) ?? [];
  for (const [relation, status] of STATUS_OF) {
    const by = from.filter((l) => l.relation === relation).map((l) => l.decision);
    if (by.length) return { status, by };
  }
  return { status: 'in-force', by: [] };
}

/** The ends of the chains of supersessions from a decision (links are checked acyclic). */
function nowInForce(incoming: Links['incoming'], id: string): string[] {
  const by = statusOf(incoming, id);
  if (by.status !== 'superseded') return [id];
  return [...new Set(by.by.flatMap((next) => nowInForce(incoming, next)))];
}

/** The register's entries for one session's decisions: each with its item, sub-item, text, links and status. */
function sessionEntries(m: ArchiveMeeting, links: Links): RegisterEntry[] {
  const report = m.report;
  const session = sessionOf(m);
  const text = (nodes: Parameters<typeof plainInlines>[1]) => tidy(plainInlines(report, nodes));
  return report.decisions.map((d): RegisterEntry => {
    const item = report.items.find((i) => i.numeral === d.item)!;
    const found = item.body.find((n) => n.type === 'paragraph' && (n.decisions ?? []).includes(d.decision));
    const paragraph = found?.type === 'paragraph' ? found : null;
    const group = paragraph?.group ?? [];
    const subitems = subitemsOf(item).filter((s) => group.includes(s.letter));
    const own = d.subitem === null ? null : subitems.find((s) => s.letter === d.subitem) ?? null;
    const { status, by } = statusOf(links.incoming, d.stableId);
    return {
      stable_id: d.stableId,
      id: d.id,
      session,
      item: { numeral: item.numeral, title: text(item.title) },
      subitem: own ? { letter: own.letter, title: text(own.title) } : null,
      subjects: [text(item.title), ...subitems.map((s) => text(s.title))],
      paragraph: d.paragraph,
      anchor: paragraph?.anchor ?? '',
      text: tidy([plainInlines(report, d.decision.content), ...plainBlocks(report, d.decision.blocks)].join(' ')),
      restricted: d.restricted,
      links: d.decision.links.filter((l) => links.valid.has(l)).map((l) => ({ relation: l.relation, decision: l.target, listed: links.listed.has(l.target) })),
      linked_from: links.incoming.get(d.stableId) ?? [],
      status,
      status_by: by,
      now_in_force: status === 'superseded' ? nowInForce(links.incoming, d.stableId) : [],
    };
  });
}

/** A session's facts as the register lists them. */
function sessionOf(m: ArchiveMeeting): RegisterSession {
  const meta = m.report.meta;
  return {
    dir: m.dir,
    symbol: meta.symbol,
    committee: meta.committee,
    committee_short: meta.committee_short,
    session: meta.session,
    start: meta.start,
    end: meta.end,
    place: meta.place,
    issued: meta.issued,
    language: meta.language,
  };
}

/** The sessions in the order they were held; a symbol used twice is an error (decision ids would be ambiguous). */
function checkSessions(meetings: readonly ArchiveMeeting[], diagnostics: Diagnostic[]): ArchiveMeeting[] {
  const sorted = [...meetings].sort((a, b) => compare(a.report.meta.start, b.report.meta.start) || compare(a.report.meta.symbol, b.report.meta.symbol));
  const seen = new Map<string, ArchiveMeeting>();
  const kept: ArchiveMeeting[] = [];
  for (const m of sorted) {
    const first = seen.get(m.report.meta.symbol);
    if (first) {
      diagnostics.push(
        error(m.report.range, 'duplicate-symbol', `Unexpected second session with the symbol \`${m.report.meta.symbol}\`, expected each session of the archive once (the first is ${formatPlace(first.report.range)})`),
      );
      continue;
    }
    seen.set(m.report.meta.symbol, m);
    kept.push(m);
  }
  return kept;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every link must point at a decision of the archive taken before it, and no chain of links may come back to its start. */
function checkLinks(sessions: readonly ArchiveMeeting[], nodes: ReadonlyMap<string, Node>, diagnostics: Diagnostic[]): Set<DecisionLink> {
  const valid = new Set<DecisionLink>();
  const symbols = new Set(sessions.map((m) => m.report.meta.symbol));
  const ids = [...nodes.keys()];
  for (const source of nodes.values()) {
    for (const link of source.links) {
      const target = nodes.get(link.target);
      if (!target) {
        diagnostics.push(error(link.range, 'unknown-decision', unknownMessage(link.target, symbols, ids)));
        continue;
      }
      const sourceStart = sessions[source.meeting]!.report.meta.start;
      const targetStart = sessions[target.meeting]!.report.meta.start;
      const later = targetStart > sourceStart || (target.meeting === source.meeting && target.order > source.order);
      if (later) {
        const when = target.meeting === source.meeting ? 'later in the same session' : `at a later session (${targetStart})`;
        diagnostics.push(
          error(link.range, 'later-decision', `Unexpected link \`${link.relation}\` to \`${link.target}\`, taken ${when}, expected a decision taken before this one (${source.stableId}): a decision ${link.relation} only earlier ones`),
        );
        continue;
      }
      if (target.restricted && !source.restricted) {
        diagnostics.push(
          warning(link.range, 'link-to-restricted', `Unexpected link from a public decision to restricted \`${link.target}\`, expected public decisions to link to public ones (the public register shows the id, without its status)`),
        );
      }
      valid.add(link);
    }
  }
  // Links between sessions held on the same day, and a decision linked to itself, can still go round.
  for (const link of findCycles(nodes, valid)) {
    valid.delete(link.link);
    diagnostics.push(error(link.link.range, 'decision-cycle', `Unexpected link \`${link.link.relation}\` that closes a cycle (${link.path.join(' → ')}), expected links from later decisions to earlier ones only`));
  }
  return valid;
}

function unknownMessage(target: string, symbols: ReadonlySet<string>, ids: readonly string[]): string {
  const { symbol } = splitDecisionId(target);
  if (!symbols.has(symbol)) return `Unexpected link to \`${target}\`: no session of the archive has the symbol \`${symbol}\`, expected the id of a decision of a session in the archive`;
  const same = ids.filter((id) => id.startsWith(`${symbol}/`));
  const near = same.length ? closest(target, same) : null;
  const hint = near !== null && distance(target, near) <= 3 ? ` (did you mean \`${near}\`?)` : '';
  return `Unexpected link to unknown decision \`${target}\`, expected the id of a decision of ${symbol}, as the register lists them${hint}`;
}

/** The links that close a cycle, each with the path it closes; found by a depth-first walk in a fixed order. */
function findCycles(nodes: ReadonlyMap<string, Node>, valid: ReadonlySet<DecisionLink>): { link: DecisionLink; path: string[] }[] {
  const state = new Map<string, 'open' | 'done'>();
  const found: { link: DecisionLink; path: string[] }[] = [];
  const path: string[] = [];
  // Iterative, so a long chain of decisions cannot overflow the stack.
  for (const start of nodes.keys()) {
    if (state.has(start)) continue;
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 'open');
    path.push(start);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const links = (nodes.get(top.id)?.links ?? []).filter((l) => valid.has(l));
      const link = links[top.next++];
      if (!link) {
        state.set(top.id, 'done');
        stack.pop();
        path.pop();
        continue;
      }
      const seen = state.get(link.target);
      if (seen === 'open') found.push({ link, path: [...path.slice(path.indexOf(link.target)), link.target] });
      else if (seen === undefined && nodes.has(link.target)) {
        state.set(link.target, 'open');
        path.push(link.target);
        stack.push({ id: link.target, next: 0 });
      }
    }
  }
  return found;
}
