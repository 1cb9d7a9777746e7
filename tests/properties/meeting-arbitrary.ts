// Random meetings built from the format's constructs, with what acta must make of them.

import fc from 'fast-check';

export interface Sentence {
  readonly words: readonly string[];
  readonly emphasis: boolean;
  readonly code: boolean;
  readonly insertion: boolean;
  readonly deletion: boolean;
  /** A `:restricted[…]` span in public text. */
  readonly span: boolean;
  readonly footnote: boolean;
  /** Index into the meeting's ids, resolved when written. */
  readonly ref: number | null;
  /** Arbitrary characters, for the never-throws property only. */
  readonly chaos: string | null;
}

export type Attachment = 'list' | 'table' | 'quote' | 'code' | null;

export type Block =
  | { readonly kind: 'para'; readonly text: Sentence; readonly attach: Attachment; readonly id: boolean }
  | { readonly kind: 'conclusion'; readonly decisions: readonly Sentence[] }
  | { readonly kind: 'restricted'; readonly body: readonly Block[] }
  | { readonly kind: 'group'; readonly titles: readonly Sentence[]; readonly purpose: boolean }
  | { readonly kind: 'h3'; readonly text: Sentence };

export interface ItemSpec {
  readonly title: Sentence;
  readonly purpose: boolean;
  readonly body: readonly Block[];
}

export interface AnnexSpec {
  readonly title: Sentence;
  readonly restricted: boolean;
  readonly landscape: boolean;
  readonly numbered: boolean;
  readonly body: readonly Block[];
}

export interface MeetingSpec {
  readonly language: 'en' | 'fr';
  readonly items: readonly ItemSpec[];
  readonly annexes: readonly AnnexSpec[];
  readonly splitFiles: boolean;
}

const VOCABULARY = [
  'Customs', 'delegate', 'délégué', 'Members', 'standards', '海关', 'العربية', '🚢', '10:30', 'Note:important', '“quoted”', 'l’OMD',
  '&', '<', '>', '"', "'", 'a.b', '(x)', '12.5', 'e-commerce', 'A&B', '§ 3',
] as const;
const FIRST = ['The', 'Le', 'Customs', 'Delegates', 'Members', 'Une'] as const;

const sentence = (chaos: boolean): fc.Arbitrary<Sentence> =>
  fc.record({
    words: fc.tuple(fc.constantFrom(...FIRST), fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 7 })).map(([f, ws]) => [f, ...ws]),
    emphasis: fc.boolean(),
    code: fc.boolean(),
    insertion: fc.boolean(),
    deletion: fc.boolean(),
    span: fc.boolean(),
    footnote: fc.boolean(),
    ref: fc.option(fc.nat(20), { nil: null }),
    chaos: chaos ? fc.option(fc.string({ unit: 'binary', maxLength: 30 }), { nil: null, freq: 2 }) : fc.constant(null),
  });

const blocks = (chaos: boolean, depth: number): fc.Arbitrary<Block[]> => {
  const s = sentence(chaos);
  const para = fc.record({ kind: fc.constant('para' as const), text: s, attach: fc.constantFrom<Attachment>(null, null, 'list', 'table', 'quote', 'code'), id: fc.boolean() });
  const conclusion = fc.record({ kind: fc.constant('conclusion' as const), decisions: fc.array(s, { minLength: 1, maxLength: 3 }) });
  const group = fc.record({ kind: fc.constant('group' as const), titles: fc.array(s, { minLength: 1, maxLength: 3 }), purpose: fc.boolean() });
  const h3 = fc.record({ kind: fc.constant('h3' as const), text: s });
  const simple: fc.Arbitrary<Block>[] = [para, para, conclusion, h3];
  const options: fc.Arbitrary<Block>[] = depth === 0 ? [...simple, group] : simple;
  if (depth === 0) options.push(fc.record({ kind: fc.constant('restricted' as const), body: blocks(chaos, 1) }));
  return fc.array(fc.oneof(...options), { minLength: depth === 0 ? 0 : 1, maxLength: depth === 0 ? 7 : 3 });
};

export const meetingSpec = (chaos = false): fc.Arbitrary<MeetingSpec> =>
  fc.record({
    language: fc.constantFrom('en' as const, 'fr' as const),
    items: fc.array(fc.record({ title: sentence(chaos), purpose: fc.boolean(), body: blocks(chaos, 0) }), { minLength: 1, maxLength: 5 }),
    annexes: fc.array(
      fc.record({
        title: sentence(false),
        restricted: fc.boolean(),
        landscape: fc.boolean(),
        numbered: fc.boolean(),
        // Annexes have no sub-items and no decision lists: a conclusion phrase there is a plain paragraph.
        body: blocks(chaos, 0).map(function annexBlocks(b: Block[]): Block[] {
          return b
            .filter((x) => x.kind !== 'group' && x.kind !== 'conclusion')
            .map((x) => (x.kind === 'restricted' ? { ...x, body: annexBlocks([...x.body]) } : x))
            .filter((x) => x.kind !== 'restricted' || x.body.length > 0);
        }),
      }),
      { maxLength: 3 },
    ),
    splitFiles: fc.boolean(),
  });

// ---- writing a spec as meeting files, with what acta must compute ---------------------------

export interface Expected {
  /** Numbered report paragraphs of each item, in order. */
  readonly paragraphsPerItem: readonly number[];
  /** The decisions of each conclusion, in reading order, with the number of their paragraph. */
  readonly decisions: readonly { readonly paragraph: number; readonly text: string; readonly restricted: boolean }[];
  /** Markers that only restricted content holds. */
  readonly restrictedMarkers: readonly string[];
}

export interface Written {
  readonly files: Record<string, string>;
  readonly expected: Expected;
}

const PHRASE = { en: 'In conclusion, the PTC:', fr: 'En conclusion, le PTC :' } as const;

export function writeMeeting(spec: MeetingSpec): Written {
  let marker = 0;
  let footnote = 0;
  const restrictedMarkers: string[] = [];
  const nextMarker = () => {
    const m = `RMARK${++marker}X`;
    restrictedMarkers.push(m);
    return m;
  };
  // Ids: one on every item, and on the paragraphs that ask for one; references pick among them.
  const ids: string[] = spec.items.map((_, i) => `item${i + 1}`);
  const restrictedIds = new Set<string>();
  let paragraphIds = 0;
  const decisions: { paragraph: number; text: string; restricted: boolean }[] = [];
  let number = 0;

  const text = (s: Sentence, restricted: boolean, notes: string[], plain = false): { md: string; plain: string } => {
    const words = [...s.words];
    let md = words.join(' ');
    let plainText = md;
    if (restricted) {
      const m = nextMarker();
      md += ` ${m}`;
      plainText += ` ${m}`;
    }
    if (plain) return { md: `${md}.`, plain: `${plainText}.` };
    if (s.emphasis) {
      md += ' *emphasised words*';
      plainText += ' emphasised words';
    }
    if (s.code) {
      md += ' `code {++x++}`';
      plainText += ' code {++x++}';
    }
    if (s.insertion) {
      md += ' {++inserted++}';
      plainText += ' inserted';
    }
    if (s.deletion) md += ' {--deleted--}';
    if (s.span && !restricted) md += ` :restricted[secret ${nextMarker()}]`;
    if (s.ref !== null && ids.length) {
      const id = ids[s.ref % ids.length]!;
      // Public text never points at restricted ids (that is a warning, and its label is not a marker anyway).
      if (!restrictedIds.has(id) || restricted) md += ` see [](#${id})`;
    }
    if (s.chaos) md += ` ${s.chaos.replace(/[\r\n]/g, ' ')}`;
    if (s.footnote) {
      const label = `n${++footnote}`;
      notes.push(`[^${label}]: Note ${restricted ? nextMarker() : 'public'}.`);
      md += `[^${label}]`;
    }
    return { md: `${md}.`, plain: `${plainText}.` };
  };

  const attachment = (kind: Attachment, restricted: boolean): string => {
    const m = restricted && kind !== null ? ` ${nextMarker()}` : '';
    switch (kind) {
      case 'list':
        return `\n- first point${m}\n- second point\n`;
      case 'table':
        return `\n| Topic | Status${m} |\n| --- | --- |\n| Transit | done |\n`;
      case 'quote':
        return `\n> A quoted text${m}.\n`;
      case 'code':
        return `\n\`\`\`\ncode${m}\n\`\`\`\n`;
      default:
        return '';
    }
  };

  const writeBlocks = (body: readonly Block[], restricted: boolean, notes: string[], inReport: boolean, counts: { n: number }): string[] => {
    const out: string[] = [];
    for (const block of body) {
      switch (block.kind) {
        case 'para': {
          const id = block.id ? `p${++paragraphIds}` : null;
          if (id) {
            ids.push(id);
            if (restricted) restrictedIds.add(id);
          }
          out.push(`${text(block.text, restricted, notes).md}${id ? `{#${id}}` : ''}\n${attachment(block.attach, restricted)}`);
          if (inReport) counts.n++;
          break;
        }
        case 'conclusion': {
          if (inReport) counts.n++;
          const paragraph = number + counts.n;
          const list = block.decisions.map((d) => {
            const t = text(d, restricted, notes, true);
            decisions.push({ paragraph, text: t.plain, restricted });
            return `- ${t.md}`;
          });
          out.push(`${PHRASE[spec.language]}\n\n${list.join('\n')}\n`);
          break;
        }
        case 'restricted':
          out.push(`:::restricted\n${writeBlocks(block.body, true, notes, inReport, counts).join('\n')}\n:::\n`);
          break;
        case 'group':
          out.push(`${block.titles.map((t, i) => `## ${text(t, false, notes, true).md}${i === 0 && block.purpose ? '\n\n*(For decision)*\n' : ''}`).join('\n')}\n`);
          break;
        case 'h3':
          out.push(`### ${text(block.text, restricted, notes, true).md}\n`);
          break;
      }
    }
    return out;
  };

  const files: Record<string, string> = {};
  const paragraphsPerItem: number[] = [];
  const itemTexts = spec.items.map((item, i) => {
    const notes: string[] = [];
    const counts = { n: 0 };
    const title = text(item.title, false, notes, true).md.replace(/\.$/, '');
    const body = writeBlocks(item.body, false, notes, true, counts);
    paragraphsPerItem.push(counts.n);
    number += counts.n;
    return `# ${title} {#item${i + 1}}\n\n${item.purpose ? '*(For discussion and decision)*\n\n' : ''}${body.join('\n')}\n${notes.join('\n')}\n`;
  });
  const frontmatter = `---\ncommittee: Permanent Technical Committee\ncommittee_short: PTC\nsession: 300th Session\nstart: 2030-03-04\nend: 2030-03-06\nplace: Brussels\nissued: 2030-03-20\nsymbol: PROP1\nlanguage: ${spec.language}\n---\n`;
  if (spec.splitFiles) {
    files['meeting.md'] = frontmatter + itemTexts[0]!;
    itemTexts.slice(1).forEach((t, i) => {
      files[`items/${String(i + 1).padStart(2, '0')}.md`] = t;
    });
  } else {
    files['meeting.md'] = frontmatter + itemTexts.join('\n');
  }
  spec.annexes.forEach((annex, i) => {
    const notes: string[] = [];
    const title = annex.restricted ? nextMarker() : text(annex.title, false, notes, true).md;
    const body = writeBlocks(annex.body, annex.restricted, notes, false, { n: 0 });
    files[`annexes/${String(i + 1).padStart(2, '0')}-annex${i + 1}.md`] =
      `---\ntitle: ${JSON.stringify(title)}\nvisibility: ${annex.restricted ? 'restricted' : 'public'}\norientation: ${annex.landscape ? 'landscape' : 'portrait'}\nnumbered: ${annex.numbered}\n---\n${annex.restricted ? `${nextMarker()}\n\n` : ''}${body.join('\n')}\n${notes.join('\n')}\n`;
  });
  return { files, expected: { paragraphsPerItem, decisions, restrictedMarkers } };
}
