// The register across sessions as data: JSON for other tools, CSV for a spreadsheet.

import type { Register, RegisterEntry, RegisterLink } from '../../register/build-register.js';
import { RELATION_WORDS } from '../../register/build-register.js';
import { csvTable } from '../csv.js';
import { toJson } from '../json/render-json.js';

const links = (list: readonly RegisterLink[]) => list.map((l) => ({ relation: l.relation, decision: l.decision, in_register: l.listed }));

export function registerJson(register: Register): string {
  return toJson({
    public: register.public,
    sessions: register.sessions.map(({ dir: _dir, ...session }) => session),
    decisions: register.decisions.map((d) => ({
      stable_id: d.stable_id,
      id: d.id,
      symbol: d.session.symbol,
      committee: d.session.committee,
      committee_short: d.session.committee_short,
      session: d.session.session,
      date: d.session.start,
      item: d.item.numeral,
      item_title: d.item.title,
      subitem: d.subitem?.letter ?? null,
      subitem_title: d.subitem?.title ?? null,
      subjects: d.subjects,
      paragraph: d.paragraph,
      text: d.text,
      // A public register holds no restricted decision: the flag says nothing there.
      ...(register.public ? {} : { restricted: d.restricted }),
      status: d.status,
      status_by: d.status_by,
      now_in_force: d.now_in_force,
      links: links(d.links),
      linked_from: links(d.linked_from),
    })),
  });
}

const HEADER = ['stable_id', 'symbol', 'committee', 'session', 'date', 'item', 'subitem', 'subject', 'paragraph', 'text', 'status', 'status_by', 'now_in_force', 'links', 'linked_from'];

/** One row a decision; links as "supersedes PC0490E1a/II/1; amends …" in one cell. */
export function registerCsv(register: Register): string {
  const linkCell = (list: readonly RegisterLink[], side: 'active' | 'passive') => list.map((l) => `${RELATION_WORDS[l.relation][side]} ${l.decision}`).join('; ');
  const row = (d: RegisterEntry) => [
    d.stable_id,
    d.session.symbol,
    d.session.committee,
    d.session.session,
    d.session.start,
    d.item.numeral,
    d.subitem?.letter ?? '',
    d.subjects.join('; '),
    String(d.paragraph),
    d.text,
    d.status,
    d.status_by.join('; '),
    d.now_in_force.join('; '),
    linkCell(d.links, 'active'),
    linkCell(d.linked_from, 'passive'),
  ];
  return csvTable(HEADER, register.decisions.map(row));
}
