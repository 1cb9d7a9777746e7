import { describe, expect, it } from 'vitest';
import { run, FRONTMATTER } from '../helpers.js';

const item = '# Item\n\nText.\n\nIn conclusion, the PTC:\n\n- ok.\n';
const withFrontmatter = (yaml: string) => run({ 'meeting.md': `---\n${yaml}---\n${item}` });
const valid = FRONTMATTER.replace(/^---\n/, '').replace(/---\n$/, '');
const replace = (key: string, line: string) => valid.replace(new RegExp(`^${key}:.*$`, 'm'), line);

describe('meeting.md frontmatter', () => {
  it('accepts the documented keys and fills the defaults', () => {
    const r = withFrontmatter(valid);
    expect(r.problems).toEqual([]);
    expect(r.report!.meta).toMatchObject({ symbol: 'PC0517E1a', language: 'en', organization: null, title: null });
  });

  it('names a missing key and gives an example', () => {
    const r = withFrontmatter(valid.replace(/^symbol:.*\n/m, ''));
    expect(r.problems).toEqual(['m/meeting.md:1:1 error missing-key']);
    expect(r.diagnostics[0]!.message).toBe('Unexpected settings without `symbol`, expected a line like `symbol: PC0517E1a`');
  });

  it('names the closest known key for an unknown one, at its line', () => {
    const r = withFrontmatter(`${valid}comittee_shrt: PTC\n`);
    expect(r.problems).toEqual(['m/meeting.md:10:1 error unknown-key']);
    expect(r.diagnostics[0]!.message).toBe('Unexpected key `comittee_shrt`, expected a known key (did you mean `committee_short`?)');
  });

  it('shows a wrong type with its value and line', () => {
    const r = withFrontmatter(replace('session', 'session: [219, 220]'));
    expect(r.problems).toEqual(['m/meeting.md:4:10 error wrong-type']);
    expect(r.diagnostics[0]!.message).toBe('Unexpected list `[219,220]` for `session`, expected text');
  });

  it('shows an impossible date with its value and line', () => {
    const r = withFrontmatter(replace('start', 'start: 2018-02-30'));
    expect(r.problems).toEqual(['m/meeting.md:5:8 error bad-date']);
    expect(r.diagnostics[0]!.message).toContain('`2018-02-30`');
  });

  it('refuses a date that is not ISO', () => {
    const r = withFrontmatter(replace('issued', 'issued: 2 May 2018'));
    expect(r.problems).toEqual(['m/meeting.md:8:9 error bad-date']);
  });

  it('refuses an end before the start, at the end', () => {
    const r = withFrontmatter(replace('end', 'end: 2018-04-10'));
    expect(r.problems).toEqual(['m/meeting.md:6:6 error dates-reversed']);
    expect(r.diagnostics[0]!.message).toBe('Unexpected `end: 2018-04-10` before `start: 2018-04-16`, expected an end on or after the start');
  });

  it('refuses an unknown language', () => {
    const r = withFrontmatter(`${valid}language: de\n`);
    expect(r.problems).toEqual(['m/meeting.md:10:11 error unknown-language']);
    expect(r.diagnostics[0]!.message).toBe('Unexpected language `de`, expected `en` or `fr` or `es`');
  });

  it.each(['../../x', 'a/b', '..', 'a b'])('refuses the symbol %j that would not be a plain file name', (symbol) => {
    const r = withFrontmatter(replace('symbol', `symbol: "${symbol}"`));
    expect(r.problems).toEqual(['m/meeting.md:9:9 error bad-symbol']);
  });

  it('reports malformed YAML at its line', () => {
    const r = withFrontmatter(`${valid}title: "unclosed\n`);
    expect(r.problems).toEqual(['m/meeting.md:10:8 error yaml-syntax']);
    expect(r.diagnostics[0]!.message).toBe('Unexpected `"` that opens the value of `title` and is never closed, expected a closing `"` at the end of the value, on the same line');
  });

  it('refuses frontmatter that is not a mapping', () => {
    const r = withFrontmatter('- a\n- b\n');
    expect(r.problems).toEqual(['m/meeting.md:2:1 error frontmatter-not-mapping']);
  });

  it('refuses a meeting.md without frontmatter', () => {
    const r = run({ 'meeting.md': item });
    expect(r.problems).toEqual(['m/meeting.md:1:1 error missing-frontmatter']);
  });

  it('reports every problem, not only the first', () => {
    const r = withFrontmatter(replace('start', 'start: nope').replace(/^place:.*\n/m, '') + 'colour: blue\n');
    expect(r.problems).toEqual(['m/meeting.md:1:1 error missing-key', 'm/meeting.md:5:8 error bad-date', 'm/meeting.md:9:1 error unknown-key']);
  });
});

describe('annex frontmatter', () => {
  const annex = (yaml: string) => run({ 'meeting.md': FRONTMATTER + item, 'annexes/01-a.md': `---\n${yaml}---\nText.\n` });

  it('refuses a visibility other than public or restricted', () => {
    const r = annex('title: A\nvisibility: secret\n');
    expect(r.problems).toEqual(['m/annexes/01-a.md:3:13 error bad-value']);
    expect(r.diagnostics[0]!.message).toBe('Unexpected `secret` for `visibility`, expected `public` or `restricted`');
  });

  it('wants numbered as a boolean', () => {
    const r = annex('title: A\nnumbered: yes please\n');
    expect(r.problems).toEqual(['m/annexes/01-a.md:3:11 error wrong-type']);
  });

  it('names the closest key', () => {
    const r = annex('title: A\norientaton: landscape\n');
    expect(r.diagnostics[0]!.message).toContain('did you mean `orientation`?');
  });
});
