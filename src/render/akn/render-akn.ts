// The report as Akoma Ntoso 3.0 (OASIS LegalDocML), following the UN's AKN4UN conventions: a `debateReport` with its
// FRBR identifiers, the cover facts and agenda in the preface, one `hcontainer name="agendaItem"` per item and
// sub-item, numbered paragraphs, decisions as lists with stable wIds, footnotes as authorial notes, annexes as
// attachments, and the decisions' links to earlier ones as active modifications.

import { catalogFor, type Catalogue } from '../../i18n/labels.js';
import { dispatch, LINK_RELATIONS, type Block, type Flow, type Handlers, type Inline, type LinkRelation, type NumberedAnnex, type NumberedItem, type NumberedParagraph, type NumberedReport, type NumberedSubitem } from '../../model.js';
import { splitDecisionId } from '../../number/decision-ids.js';
import { subitemsOf } from '../../walk.js';
import { annexEid, annexParagraphEid, committeeSlot, decisionWid, expressionIri, itemEid, languageCode, paragraphEid, subitemEid, workIri, type WorkFacts } from './akn-ids.js';
import { el, serializeXml, type XmlElement, type XmlNode } from './xml.js';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** What the export knows beyond the report: the other sessions of its archive, by symbol, to name the decisions it links to. */
export interface AknContext {
  readonly sessions?: ReadonlyMap<string, WorkFacts>;
}

/** Each link as an Akoma Ntoso modification of the decision it points at. */
const MODIFICATIONS: Readonly<Record<LinkRelation, { readonly element: 'textualMod' | 'meaningMod' | 'efficacyMod' | 'legalSystemMod'; readonly type: string }>> = {
  supersedes: { element: 'textualMod', type: 'substitution' },
  amends: { element: 'meaningMod', type: 'variation' },
  'follows-up': { element: 'legalSystemMod', type: 'application' },
  implements: { element: 'legalSystemMod', type: 'implementation' },
  completes: { element: 'efficacyMod', type: 'endOfEfficacy' },
};

export function renderAkn(report: NumberedReport, context: AknContext = {}): string {
  return serializeXml(new AknWriter(report, context).document());
}

class AknWriter {
  private readonly catalog: Catalogue;
  /** The eId of everything a reference can point at, by the HTML anchor the number stage gave it. */
  private readonly eIds = new Map<string, string>();
  /** Footnotes already written as a note: a second call to one is a reference to it. */
  private readonly notesWritten = new Set<number>();
  /** The comments of the full edition, written in the metadata's notes. */
  private readonly comments: XmlElement[] = [];
  /** Where each decision's item is, for the modifications: its eId, by stable id. */
  private readonly decisionEids = new Map<string, string>();
  /** The report's paragraphs: `para_12`, and a paragraph left unnumbered after it `para_12__unnumbered_1`. */
  private readonly paragraphEids = new Map<NumberedParagraph, string>();

  constructor(
    private readonly report: NumberedReport,
    private readonly context: AknContext,
  ) {
    this.catalog = catalogFor(report.meta.language);
    this.indexEids();
  }

  document(): XmlElement {
    // The text first: it collects the comments the metadata lists.
    const preface = this.preface();
    const body = el('mainBody', {}, this.report.items.map((item) => this.item(item)));
    const attachments = this.report.annexes.length ? el('attachments', {}, this.report.annexes.map((annex, i) => this.annex(annex, i + 1))) : null;
    const mainBody = body.children.length ? body : el('mainBody', {}, [el('p')]);
    return el('akomaNtoso', { xmlns: AKN_NAMESPACE }, [el('debateReport', { name: 'summaryReport' }, [this.meta(), preface, mainBody, attachments])]);
  }

  // ---- metadata ------------------------------------------------------------------------------------------------

  private meta(): XmlElement {
    const meta = this.report.meta;
    const work = workIri(meta);
    const expression = expressionIri(meta);
    const identification = el('identification', { source: '#acta' }, [
      el('FRBRWork', {}, [
        el('FRBRthis', { value: `${work}/!main` }),
        el('FRBRuri', { value: work }),
        el('FRBRdate', { date: meta.start, name: 'session' }),
        el('FRBRauthor', { href: '#committee' }),
        el('FRBRcountry', { value: meta.jurisdiction }),
        el('FRBRnumber', { value: meta.symbol }),
      ]),
      el('FRBRExpression', {}, [
        el('FRBRthis', { value: `${expression}/!main` }),
        el('FRBRuri', { value: expression }),
        el('FRBRalias', { value: meta.symbol, name: 'symbol' }),
        el('FRBRdate', { date: meta.issued, name: 'issued' }),
        el('FRBRauthor', { href: '#committee' }),
        el('FRBRlanguage', { language: languageCode(meta.language) }),
      ]),
      el('FRBRManifestation', {}, [
        el('FRBRthis', { value: `${expression}/!main.xml` }),
        el('FRBRuri', { value: `${expression}.akn` }),
        // The date of issue, not of the build: two builds of a meeting are the same bytes.
        el('FRBRdate', { date: meta.issued, name: 'generation' }),
        el('FRBRauthor', { href: '#acta' }),
      ]),
    ]);
    const publication = el('publication', { date: meta.issued, name: 'summaryReport', showAs: this.report.public ? this.catalog.publicVersion : this.report.facts.title });
    const modifications = this.modifications();
    const analysis = modifications.length ? el('analysis', { source: '#acta' }, [el('activeModifications', {}, modifications)]) : null;
    const organizations = [
      el('TLCOrganization', { eId: 'committee', href: `/akn/ontology/organization/${meta.jurisdiction}/${committeeSlot(meta.committee_short)}`, showAs: meta.committee, shortForm: meta.committee_short }),
      meta.organization ? el('TLCOrganization', { eId: 'organization', href: `/akn/ontology/organization/${meta.jurisdiction}`, showAs: meta.organization }) : null,
      el('TLCOrganization', { eId: 'acta', href: '/akn/ontology/organization/acta', showAs: 'acta' }),
      // What each link says in acta's words: the modification types above cannot tell a follow-up from an implementation.
      ...LINK_RELATIONS.filter((r) => this.report.decisions.some((d) => d.decision.links.some((l) => l.relation === r))).map((r) =>
        el('TLCConcept', { eId: relationConcept(r), href: `/akn/ontology/concept/acta/${r}`, showAs: r }),
      ),
    ];
    const notes = this.comments.length ? el('notes', { source: '#acta' }, this.comments) : null;
    return el('meta', {}, [identification, publication, analysis, el('references', { source: '#acta' }, organizations), notes]);
  }

  /** The links of this edition's decisions: this decision (source) does something to an earlier one (destination). */
  private modifications(): XmlElement[] {
    const out: XmlElement[] = [];
    for (const d of this.report.decisions) {
      for (const link of d.decision.links) {
        const m = MODIFICATIONS[link.relation];
        const source = this.decisionEids.get(d.stableId);
        out.push(
          el(m.element, { eId: `mod_${out.length + 1}`, type: m.type, refersTo: `#${relationConcept(link.relation)}` }, [
            el('source', { href: source ? `#${source}` : `#${decisionWid(d.stableId)}` }),
            el('destination', { href: this.decisionIri(link.target) }),
          ]),
        );
      }
    }
    return out;
  }

  /**
   * Where a linked decision is: in this report, its element; in another session of the archive, that session's
   * work identifier and the decision's wId. A session acta was not shown is named by its symbol alone.
   */
  private decisionIri(stableId: string): string {
    const here = this.decisionEids.get(stableId);
    if (here) return `#${here}`;
    const { symbol } = splitDecisionId(stableId);
    const facts = this.context.sessions?.get(symbol);
    const work = facts ? workIri(facts) : `/akn/${this.report.meta.jurisdiction}/debateReport/${committeeSlot(this.report.meta.committee_short)}/${symbol}`;
    return `${work}/!main#${decisionWid(stableId)}`;
  }

  // ---- cover and agenda ------------------------------------------------------------------------------------------

  private preface(): XmlElement {
    const { meta, facts } = this.report;
    const line = (cls: string, children: XmlNode[], lang?: string) => el('p', { class: cls, 'xml:lang': lang }, children);
    const other = this.catalog.access.otherLanguage.html;
    return el('preface', {}, [
      meta.organization ? line('organization', [meta.organization]) : null,
      meta.organization_note ? line('organizationNote', [meta.organization_note]) : null,
      meta.organization_alt ? line('organization', [meta.organization_alt], other) : null,
      meta.organization_note_alt ? line('organizationNote', [meta.organization_note_alt], other) : null,
      line('committee', [el('docCommittee', { refersTo: '#committee' }, [meta.committee])]),
      line('symbol', [el('docNumber', {}, [meta.symbol])]),
      line('issued', [el('docDate', { date: meta.issued }, [facts.issued])]),
      this.report.public ? line('edition', [this.catalog.publicVersion]) : null,
      line('title', [el('docTitle', {}, [facts.title])]),
      line('session', [el('session', { value: meta.session }, [facts.subtitle])]),
      line('dates', [el('date', { date: meta.start, refersTo: '#committee' }, [facts.dates])]),
      line('place', [meta.place]),
      this.agenda(),
    ]);
  }

  /** The agenda table: each item's numeral, title, purpose and sub-items, and its paragraphs as a range reference. */
  private agenda(): XmlElement {
    const cell = (kind: 'th' | 'td', children: XmlNode[][]) => el(kind, {}, children.length ? children.map((c) => el('p', {}, c)) : [el('p')]);
    const header = el('tr', {}, [cell('th', [[this.catalog.itemNo]]), cell('th', [[this.catalog.agendaItem]]), cell('th', [[this.catalog.paragraph]])]);
    const rows = this.report.items.map((item) => {
      const range = item.paragraphRange;
      const reference: XmlNode[] = !range
        ? []
        : range.first === range.last
          ? [el('ref', { href: `#${paragraphEid(range.first)}` }, [range.label])]
          : [el('rref', { from: `#${paragraphEid(range.first)}`, upTo: `#${paragraphEid(range.last)}` }, [range.label])];
      const subitems = subitemsOf(item).map((s): XmlNode[] => [`${s.agendaLabel} `, ...this.inlines(s.title)]);
      const title: XmlNode[] = [...this.inlines(item.title), ...(item.purpose ? [' ', el('i', {}, [`(${item.purpose})`])] : [])];
      return el('tr', {}, [cell('td', [[item.numeral]]), cell('td', [title, ...subitems]), cell('td', reference.length ? [reference] : [])]);
    });
    return el('container', { name: 'agenda', eId: 'agenda' }, [el('table', { eId: 'agenda__table_1' }, [header, ...rows])]);
  }

  // ---- body ------------------------------------------------------------------------------------------------------

  private item(item: NumberedItem): XmlElement {
    const head = [el('num', {}, [item.numeral]), el('heading', {}, this.inlines(item.title)), item.purpose ? el('subheading', {}, [item.purpose]) : null];
    // The model's flow is flat: a sub-item (or a group of sub-items sharing paragraphs) holds what follows it.
    const own: XmlElement[] = [];
    const sections: { readonly head: XmlElement; readonly children: XmlElement[] }[] = [];
    for (const node of item.body) {
      if (node.type === 'subitems') {
        const heads = node.subitems.map((s) => this.subitemHead(item, s));
        const head = heads.length === 1 ? heads[0]! : el('hcontainer', { name: 'agendaItemGroup', eId: `${itemEid(item.numeral)}__group_${node.subitems[0]!.letter}` }, heads);
        sections.push({ head, children: [] });
        continue;
      }
      (sections.at(-1)?.children ?? own).push(...this.flow(node));
    }
    const children = [...own, ...sections.map(({ head, children }) => ({ ...head, children: [...head.children, ...children] }))];
    return el('hcontainer', { name: 'agendaItem', eId: itemEid(item.numeral) }, [...head, ...children]);
  }

  private subitemHead(item: NumberedItem, s: NumberedSubitem): XmlElement {
    return el('hcontainer', { name: 'agendaItem', eId: subitemEid(item.numeral, s.letter) }, [
      el('num', {}, [s.label]),
      el('heading', {}, this.inlines(s.title)),
      s.purpose ? el('subheading', {}, [s.purpose]) : null,
    ]);
  }

  private flow(node: Exclude<Flow<NumberedParagraph, NumberedSubitem>, { type: 'subitems' }>, annex?: number): XmlElement[] {
    switch (node.type) {
      case 'paragraph':
        return [this.paragraph(node, annex)];
      case 'heading':
        return [el('crossHeading', { eId: node.id !== null && node.anchor ? this.eIds.get(node.anchor) : undefined, class: node.restricted ? 'restricted' : undefined }, this.inlines(node.content))];
      case 'loose':
        return [el('hcontainer', { name: 'text', class: node.restricted ? 'restricted' : undefined }, [el('content', {}, this.blocks([node.block]))])];
      // A table of contents is the printed editions' way in: the headings it lists are the structure here.
      case 'toc':
        return [];
    }
  }

  private paragraph(node: NumberedParagraph, annex?: number): XmlElement {
    const eId = annex === undefined ? this.paragraphEids.get(node) : node.number === null ? undefined : annexParagraphEid(annex, node.number);
    // A decision a tracked change deletes whole is no decision (it has no id): the AKN leaves it out.
    const live = (node.decisions ?? []).filter((d) => d.stableId !== undefined);
    const decisions = live.length
      ? el(
          'blockList',
          { eId: eId ? `${eId}__list_1` : undefined, class: 'decisions' },
          live.map((d, i) => {
            const itemId = eId ? `${eId}__list_1__item_${i + 1}` : undefined;
            return el('item', { eId: itemId, wId: decisionWid(d.stableId!) }, [el('p', {}, this.inlines(d.content)), ...this.blocks(d.blocks)]);
          }),
        )
      : null;
    const content = el('content', {}, [el('p', {}, this.inlines(node.content)), ...this.blocks(node.blocks), decisions]);
    return el('paragraph', { eId, class: node.restricted ? 'restricted' : undefined }, [node.marker ? el('num', {}, [node.marker]) : null, content]);
  }

  // ---- annexes -----------------------------------------------------------------------------------------------------

  private annex(annex: NumberedAnnex, index: number): XmlElement {
    const meta = this.report.meta;
    const iri = `${workIri(meta)}/!annex_${index}`;
    const expression = `${expressionIri(meta)}/!annex_${index}`;
    const withheld = this.report.public && annex.visibility === 'restricted';
    const identification = el('meta', {}, [
      el('identification', { source: '#acta' }, [
        el('FRBRWork', {}, [el('FRBRthis', { value: iri }), el('FRBRuri', { value: workIri(meta) }), el('FRBRdate', { date: meta.start, name: 'session' }), el('FRBRauthor', { href: '#committee' }), el('FRBRcountry', { value: meta.jurisdiction })]),
        el('FRBRExpression', {}, [el('FRBRthis', { value: expression }), el('FRBRuri', { value: expressionIri(meta) }), el('FRBRdate', { date: meta.issued, name: 'issued' }), el('FRBRauthor', { href: '#committee' }), el('FRBRlanguage', { language: languageCode(meta.language) })]),
        el('FRBRManifestation', {}, [el('FRBRthis', { value: `${expression}.xml` }), el('FRBRuri', { value: `${expressionIri(meta)}.akn` }), el('FRBRdate', { date: meta.issued, name: 'generation' }), el('FRBRauthor', { href: '#acta' })]),
      ]),
    ]);
    const preface = el('preface', {}, [el('p', { class: 'header' }, [el('docNumber', {}, [annex.header])]), withheld ? null : el('p', { class: 'title' }, [el('docTitle', {}, [annex.title])])]);
    const body = withheld ? [el('p', { class: 'notIncluded' }, [annex.notIncluded])] : annex.body.flatMap((node) => (node.type === 'subitems' ? [] : this.annexFlow(node, index)));
    const doc = el('doc', { name: 'annex' }, [identification, preface, el('mainBody', {}, body.length ? body : [el('p')])]);
    const classes = [annex.visibility === 'restricted' ? 'restricted' : '', annex.orientation === 'landscape' ? 'landscape' : ''].filter(Boolean).join(' ');
    return el('attachment', { eId: annexEid(index), class: classes || undefined }, [el('num', {}, [annex.label]), el('heading', {}, [annex.title || annex.label]), doc]);
  }

  /** An annex's text: numbered paragraphs as paragraphs, the rest as blocks (headings are not hierarchical there). */
  private annexFlow(node: Exclude<Flow<NumberedParagraph, never>, { type: 'subitems' }>, index: number): XmlElement[] {
    if (node.type === 'toc') return []; // the printed editions' way in: the headings it lists are the structure here
    const restricted = node.restricted ? 'restricted' : undefined;
    switch (node.type) {
      case 'paragraph':
        if (node.number !== null) return [this.paragraph(node, index)];
        return [el('p', { class: restricted, eId: node.id !== null && node.anchor ? this.eIds.get(node.anchor) : undefined }, this.inlines(node.content)), ...this.blocks(node.blocks)];
      case 'heading':
        return [el('hcontainer', { name: 'heading', eId: node.id !== null && node.anchor ? this.eIds.get(node.anchor) : undefined, class: restricted }, [el('heading', {}, this.inlines(node.content))])];
      case 'loose':
        return this.blocks([node.block]).map((b) => (restricted ? { ...b, attributes: { ...b.attributes, class: restricted } } : b));
    }
  }

  // ---- blocks and inlines --------------------------------------------------------------------------------------------

  private blocks(blocks: readonly Block[]): XmlElement[] {
    return blocks.flatMap((b) => dispatch(this.blockHandlers, b));
  }

  private readonly blockHandlers: Handlers<Block, [], XmlElement[]> = {
    plain: (b) => [el('p', {}, this.inlines(b.content))],
    heading: (b) => [el('p', { class: 'heading' }, this.inlines(b.content))],
    list: (b) => [
      el(
        'blockList',
        { class: b.ordered ? 'ordered' : b.lettered ? 'lettered' : 'bullets' },
        b.items.map((item) => {
          const inside = this.blocks(item.blocks);
          return el('item', {}, inside.length ? inside : [el('p')]);
        }),
      ),
    ],
    table: (b) => [
      el(
        'table',
        {},
        b.rows.map((row, r) => el('tr', {}, row.cells.map((cell) => el(r === 0 ? 'th' : 'td', {}, [el('p', {}, this.inlines(cell.content))])))),
      ),
    ],
    quote: (b) => {
      const inside = this.blocks(b.children);
      return [el('blockContainer', { class: 'quote' }, inside.length ? inside : [el('p')])];
    },
    codeblock: (b) => [el('p', { class: 'code', 'xml:space': 'preserve' }, [b.value])],
    rule: () => [el('p', { class: 'rule' })],
  };

  private inlines(nodes: readonly Inline[]): XmlNode[] {
    return nodes.flatMap((n) => dispatch(this.inlineHandlers, n));
  }

  private readonly inlineHandlers: Handlers<Inline, [], XmlNode[]> = {
    text: (n) => [n.value],
    emphasis: (n) => [el('i', {}, this.inlines(n.children))],
    strong: (n) => [el('b', {}, this.inlines(n.children))],
    strike: (n) => [el('span', { class: 'strike' }, this.inlines(n.children))],
    code: (n) => [el('span', { class: 'code' }, [n.value])],
    break: () => [el('eol')],
    link: (n) => [el('a', { href: n.url }, this.inlines(n.children))],
    ref: (n) => {
      const target = this.report.targets[n.id];
      const words = n.children.length ? this.inlines(n.children) : [target?.label ?? ''];
      const eId = target?.anchor && !target.elsewhere ? this.eIds.get(target.anchor) : undefined;
      return eId ? [el('ref', { href: `#${eId}` }, words)] : words;
    },
    footnote: (n) => {
      const note = this.report.footnotes.find((f) => f.key === n.key);
      if (!note) return [];
      const id = `authorialNote_${note.number}`;
      if (this.notesWritten.has(note.number)) return [el('noteRef', { href: `#${id}`, marker: note.number })];
      this.notesWritten.add(note.number);
      const inside = this.blocks(note.blocks);
      return [el('authorialNote', { eId: id, marker: note.number, placement: 'bottom' }, inside.length ? inside : [el('p')])];
    },
    // Akoma Ntoso names the picture's file; the picture itself is in the meeting folder.
    image: (n) => [el('img', { src: n.src, alt: n.alt, width: String(n.width), height: String(n.height) })],
    ins: (n) => [el('ins', {}, this.inlines(n.children))],
    del: (n) => [el('del', {}, this.inlines(n.children))],
    comment: (n) => {
      const words = this.inlines(n.children);
      if (!n.body) return words;
      const id = `note_${this.comments.length + 1}`;
      const author = n.author ?? this.report.facts.changes.author;
      this.comments.push(el('note', { eId: id, class: 'comment' }, [el('p', {}, [`[${author}] `, ...this.inlines(n.body)])]));
      return [...words, el('noteRef', { href: `#${id}`, class: 'comment' })];
    },
    restricted: (n) => [el('span', { class: 'restricted' }, this.inlines(n.children))],
  };

  /** The eIds of every item, sub-item, paragraph, heading and annex, and of each decision's list item. */
  private indexEids(): void {
    let last = paragraphEid(0);
    let unnumbered = 0;
    for (const item of this.report.items) {
      this.eIds.set(item.anchor, itemEid(item.numeral));
      for (const node of item.body) {
        if (node.type === 'subitems') for (const s of node.subitems) this.eIds.set(s.anchor, subitemEid(item.numeral, s.letter));
        else if (node.type === 'paragraph' && (node.label !== null || node.unnumbered)) {
          if (node.label !== null) {
            last = paragraphEid(node.label);
            unnumbered = 0;
          }
          const eId = node.label !== null ? last : `${last}__unnumbered_${++unnumbered}`;
          this.paragraphEids.set(node, eId);
          if (node.anchor) this.eIds.set(node.anchor, eId);
          node.decisions?.filter((d) => d.stableId !== undefined).forEach((d, i) => this.decisionEids.set(d.stableId!, `${eId}__list_1__item_${i + 1}`));
        } else if (node.type === 'heading' && node.anchor) this.eIds.set(node.anchor, `crossHeading_${safeName(node.id ?? '')}`);
      }
    }
    this.report.annexes.forEach((annex, i) => {
      const index = i + 1;
      this.eIds.set(annex.anchor, annexEid(index));
      for (const node of annex.body) {
        if (node.type === 'paragraph' && node.anchor) this.eIds.set(node.anchor, node.number !== null ? annexParagraphEid(index, node.number) : `${annexEid(index)}__p_${safeName(node.id ?? '')}`);
        else if (node.type === 'heading' && node.anchor) this.eIds.set(node.anchor, `${annexEid(index)}__heading_${safeName(node.id ?? '')}`);
      }
    });
  }
}

/** An author's id as part of an eId: no `_` (the separator of eId parts) and nothing but letters, digits, `.` and `-`. */
const safeName = (id: string) => id.replace(/[^A-Za-z0-9.-]+/g, '-');

/** The relations are concepts of the metadata, named by their word. */
const relationConcept = (relation: LinkRelation) => `relation-${relation}`;
