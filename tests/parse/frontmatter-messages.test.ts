// Frontmatter problems in a secretariat officer's words: YAML mistakes say how to fix the line,
// unknown keys are answered from acta's vocabulary.

import { describe, expect, it } from 'vitest';
import { FRONTMATTER, run } from '../helpers.js';

const item = '# Item {#item}\n\nText.\n\nIn conclusion, the PTC:\n\n- ok.\n';
const valid = FRONTMATTER.replace(/^---\n/, '').replace(/---\n$/, '');
const meeting = (extra: string) => run({ 'meeting.md': `---\n${valid}${extra}---\n${item}` });
const annex = (yaml: string) => run({ 'meeting.md': FRONTMATTER + item, 'annexes/01-a.md': `---\n${yaml}---\nText.\n` });

describe('YAML mistakes', () => {
  it.each([
    ['a colon in a value', 'title: Strategy 2026-2030: Action Plan\n', 'm/meeting.md:10:26 error yaml-syntax', 'Unexpected colon in the value of `title`, expected the value in quotes: `title: "Strategy 2026-2030: Action Plan"`'],
    ['no space after the colon', 'title:Summary\n', 'm/meeting.md:10:7 error yaml-syntax', 'Unexpected `title:Summary` with no space after the colon, expected `title: Summary`'],
    ['a tab before a key', '\ttitle: Summary\n', 'm/meeting.md:10:1 error yaml-syntax', 'Unexpected tab at the start of a settings line'],
    ['an unclosed single quote', "title: 'Summary\n", 'm/meeting.md:10:8 error yaml-syntax', "Unexpected `'` that opens the value of `title` and is never closed"],
    ['text after the closing quote', 'title: "Summary" report\n', 'm/meeting.md:10:17 error yaml-syntax', 'Unexpected text after the closing quote of `title`, expected the whole value in quotes: `title: \'"Summary" report\'`'],
    ['an indented line', 'title: Summary\n  conclusion: In conclusion\n', 'm/meeting.md:11:1 error yaml-syntax', 'Unexpected indented line'],
    ['a value starting with @', 'title: @home\n', 'm/meeting.md:10:8 error yaml-syntax', 'Unexpected `@` at the start of the value of `title`, expected the value in quotes'],
    ['a value starting with *', 'title: *Draft* report\n', 'm/meeting.md:10:8 error yaml-syntax', 'Unexpected `*` at the start of the value of `title`, expected the value in quotes'],
    ['a key written twice', 'place: Geneva\n', 'm/meeting.md:10:1 error yaml-syntax', 'Unexpected second `place` key, expected each key once'],
    ['a reference to another value', 'title: *draft\n', 'm/meeting.md:10:8 error yaml-syntax', 'Unexpected `*draft` at the start of the value of `title`, expected the value in quotes: `title: "*draft…"`'],
    ['references that expand (a billion laughs)', 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\ntitle: *b\n', 'm/meeting.md:10:4 error yaml-syntax', 'Unexpected `&a` at the start of the value of `a`'],
    ['an anchor that would take the start of a value', 'title: &Co Partners\n', 'm/meeting.md:10:8 error yaml-syntax', 'Unexpected `&Co` at the start of the value of `title`, expected the value in quotes'],
    ['a tag', 'title: !!binary aGk=\n', 'm/meeting.md:10:8 error yaml-syntax', 'Unexpected `!!binary` at the start of the value of `title`, expected the value in quotes'],
    ['a key named like a property of every object', 'constructor: x\n', 'm/meeting.md:10:1 error unknown-key', 'Unexpected key `constructor`, expected one of the keys of meeting.md'],
    ['a character no document can hold', 'title: "a\\u0001b"\n', 'm/meeting.md:10:8 error not-text', 'Unexpected character U+0001 in the value of `title`, expected text'],
    ['a value with no key', ': Summary\n', 'm/meeting.md:10:1 error yaml-syntax', 'Unexpected setting without a name, expected `key: value`'],
    ['a list as a key', '? [a, b]\n: c\n', 'm/meeting.md:10:3 error yaml-syntax', 'Unexpected setting without a name, expected `key: value`'],
  ])('%s', (_name, extra, problem, message) => {
    const r = meeting(extra);
    expect(r.problems).toEqual([problem]);
    expect(r.diagnostics[0]!.message).toContain(message);
    expect(r.diagnostics[0]!.message).not.toMatch(/mapping|scalar|implicit|flow/i);
  });
});

describe('unknown keys are answered from the vocabulary', () => {
  it.each([
    ['restricted: true', '`visibility: restricted`'],
    ['confidential: yes', '`visibility: restricted`'],
    ['landscape: true', '`orientation: landscape`'],
    ['numbering: true', '`numbered: true`'],
    ['name: Participants', '`title`'],
  ])('annex `%s` → %s', (line, hint) => {
    const r = annex(`title: A\n${line}\n`);
    expect(r.problems).toEqual(['m/annexes/01-a.md:3:1 error unknown-key']);
    expect(r.diagnostics[0]!.message).toBe(`Unexpected key \`${line.split(':')[0]}\`, expected a known key (did you mean ${hint}?)`);
  });

  it('says restricted: false is no line at all', () => {
    expect(annex('title: A\nrestricted: false\n').diagnostics[0]!.message).toContain('an annex is public unless it says `visibility: restricted`');
  });

  it('sends restricted text in meeting.md to the markers', () => {
    const r = meeting('restricted: true\n');
    expect(r.problems).toEqual(['m/meeting.md:10:1 error unknown-key']);
    expect(r.diagnostics[0]!.message).toContain('`:::restricted`');
  });

  it('names the file a key of the other kind belongs in', () => {
    expect(annex('title: A\nsymbol: X1\n').diagnostics[0]!.message).toBe('Unexpected key `symbol`, expected a key of an annex file (`symbol` belongs in meeting.md)');
    expect(meeting('orientation: landscape\n').diagnostics[0]!.message).toBe('Unexpected key `orientation`, expected a key of meeting.md (`orientation` belongs in an annex file)');
    expect(meeting('landscape: true\n').diagnostics[0]!.message).toContain('annex keys go at the top of each annex file');
  });

  it.each([['city: Geneva', '`place`'], ['short_name: PTC', '`committee_short`'], ['date: 2018-04-16', '`start` and `end`']])('meeting `%s` → %s', (line, hint) => {
    expect(meeting(`${line}\n`).diagnostics.find((d) => d.ruleId === 'unknown-key')!.message).toContain(`did you mean ${hint}`);
  });

  it('lists the keys when nothing is close', () => {
    expect(annex('title: A\nzzzzzzzz: 1\n').diagnostics[0]!.message).toBe('Unexpected key `zzzzzzzz`, expected one of the keys of an annex file: `title`, `id`, `visibility`, `orientation`, `numbered`');
  });
});

describe('an annex whose frontmatter has an error', () => {
  it('still registers its id: references to it get no second message', () => {
    const r = run({
      'meeting.md': `${FRONTMATTER}# Item\n\nSee [](#list) and [](#participants).\n\nIn conclusion, the PTC:\n\n- ok.\n`,
      'annexes/01-participants.md': '---\ntitle: A: B\n---\nText.\n',
      'annexes/02-other.md': '---\ntitle: A: B\nid: list\n---\nText.\n',
    });
    expect(r.problems).toEqual(['m/annexes/01-participants.md:2:9 error yaml-syntax', 'm/annexes/02-other.md:2:9 error yaml-syntax']);
  });
});

describe('a value cut short by ` #`', () => {
  it('is a warning with the quoted value, and the meeting still builds', () => {
    const r = meeting('title: Report of meeting #3\n');
    expect(r.problems).toEqual(['m/meeting.md:10:26 warning yaml-comment']);
    expect(r.diagnostics[0]!.message).toBe('Unexpected `#` in the value of `title`: what follows is read as a note and only `Report of meeting` is kept, expected the value in quotes if the `#` is part of it: `title: "Report of meeting #3"`');
    expect(r.report!.meta.title).toBe('Report of meeting');
  });

  it('leaves a comment on a line of its own, and a quoted #, alone', () => {
    expect(meeting('# the title is optional\ntitle: "Meeting #3"\n').problems).toEqual([]);
  });
});
