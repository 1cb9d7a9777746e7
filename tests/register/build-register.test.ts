import { describe, expect, it } from 'vitest';
import { buildRegister, type ArchiveMeeting } from '../../src/register/build-register.js';
import { run } from '../helpers.js';

/** A session of one item whose decisions are `decisions` (Markdown list lines); body on line 13. */
function session(symbol: string, start: string, decisions: string, extra = ''): ArchiveMeeting {
  const meeting = `---
committee: Permanent Technical Committee
committee_short: PTC
session: ${symbol} Session
start: ${start}
end: ${start}
place: Brussels
issued: ${start}
symbol: ${symbol}
---
# Work Programme {#wp}

The Secretariat presented the Work Programme.

In conclusion, the PTC:

${decisions}
${extra}`;
  const r = run({ 'meeting.md': meeting });
  expect(r.problems).toEqual([]);
  return { dir: `meetings/${symbol}`, report: r.numbered! };
}

const status = (register: ReturnType<typeof buildRegister>['register']) =>
  Object.fromEntries(register.decisions.map((d) => [d.stable_id, [d.status, ...d.status_by]]));

// The decision list starts on line 17 of meeting.md (`m/meeting.md` in every session).
const problems = (r: ReturnType<typeof buildRegister>) => r.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`);

describe('the status of each decision, from the links of later ones', () => {
  const first = session('A1', '2017-10-16', '- approved the Work Programme 2016-2019;\n- approved the TRS Guide 2.1;\n- asked for a survey; and\n- noted the report.');
  const second = session('B1', '2018-04-16', '- amended the Work Programme 2016-2019; {amends="A1/I/1"}\n- approved the TRS Guide 3.0; {supersedes="A1/I/2"}\n- took note of the survey results. {completes="A1/I/3" follows-up="A1/I/4"}');
  const third = session('C1', '2018-10-08', '- approved the TRS Guide 3.1; and {supersedes="B1/I/2"}\n- adopted the Work Programme 2019-2022. {supersedes="A1/I/1"}');

  it('is in force, amended, completed or superseded, naming the decisions that make it so', () => {
    const r = buildRegister([third, first, second], 'full');
    expect(r.diagnostics).toEqual([]);
    expect(status(r.register)).toEqual({
      // Superseded wins over amended.
      'A1/I/1': ['superseded', 'C1/I/2'],
      'A1/I/2': ['superseded', 'B1/I/2'],
      'A1/I/3': ['completed', 'B1/I/3'],
      // A follow-up changes nothing.
      'A1/I/4': ['in-force'],
      'B1/I/1': ['in-force'],
      'B1/I/2': ['superseded', 'C1/I/1'],
      'B1/I/3': ['in-force'],
      'C1/I/1': ['in-force'],
      'C1/I/2': ['in-force'],
    });
  });

  it('follows a chain of supersessions to the decision in force now, and lists the sessions oldest first', () => {
    const { register } = buildRegister([third, first, second], 'full');
    expect(register.sessions.map((s) => s.symbol)).toEqual(['A1', 'B1', 'C1']);
    const byId = new Map(register.decisions.map((d) => [d.stable_id, d]));
    expect(byId.get('A1/I/2')!.now_in_force).toEqual(['C1/I/1']);
    expect(byId.get('A1/I/1')!.linked_from).toEqual([
      { relation: 'amends', decision: 'B1/I/1', listed: true },
      { relation: 'supersedes', decision: 'C1/I/2', listed: true },
    ]);
    expect(byId.get('B1/I/3')!.links.map((l) => `${l.relation} ${l.decision}`)).toEqual(['completes A1/I/3', 'follows-up A1/I/4']);
  });
});

describe('broken links', () => {
  const first = session('A1', '2017-10-16', '- approved the Work Programme;\n- approved the TRS Guide.');

  it('reports an unknown id and an unknown session at the typed id', () => {
    const r = buildRegister([first, session('B1', '2018-04-16', '- amended it. {amends="A1/I/9 Z9/I/1"}')], 'full');
    expect(problems(r)).toEqual(['17:24 error unknown-decision', '17:31 error unknown-decision']);
    expect(r.diagnostics[0]!.message).toBe('Unexpected link to unknown decision `A1/I/9`, expected the id of a decision of A1, as the register lists them (did you mean `A1/I/1`?)');
    expect(r.diagnostics[1]!.message).toContain('no session of the archive has the symbol `Z9`');
  });

  it('reports a decision that supersedes a later one, in a later session or later in its own', () => {
    const r = buildRegister([first, session('B1', '2018-04-16', '- replaced it. {supersedes="C1/I/1"}\n- replaced the next one. {supersedes="B1/I/3"}\n- noted.'), session('C1', '2018-10-08', '- noted.')], 'full');
    expect(problems(r)).toEqual(['17:29 error later-decision', '18:39 error later-decision']);
    expect(r.diagnostics[0]!.message).toContain('taken at a later session (2018-10-08), expected a decision taken before this one (B1/I/1)');
  });

  it('reports a cycle between sessions held on the same day, and a decision linked to itself', () => {
    const r = buildRegister(
      [first, session('B1', '2018-04-16', '- amended C1. {amends="C1/I/1"}\n- amended itself. {amends="B1/I/2"}'), session('C1', '2018-04-16', '- amended B1. {amends="B1/I/1"}')],
      'full',
    );
    expect(problems(r)).toEqual(['17:24 error decision-cycle', '18:28 error decision-cycle']);
    expect(r.diagnostics.map((d) => d.message).sort()).toEqual([
      'Unexpected link `amends` that closes a cycle (B1/I/1 → C1/I/1 → B1/I/1), expected links from later decisions to earlier ones only',
      'Unexpected link `amends` that closes a cycle (B1/I/2 → B1/I/2), expected links from later decisions to earlier ones only',
    ]);
  });

  it('reports a symbol used by two sessions', () => {
    const r = buildRegister([first, session('A1', '2018-04-16', '- noted.')], 'full');
    expect(problems(r)).toEqual(['1:1 error duplicate-symbol']);
  });
});

describe('restricted decisions', () => {
  const first = session('A1', '2017-10-16', '- approved the Work Programme; and\n- approved the access rules.', '\n:::restricted\nIn closed session.\n\nIn conclusion, the PTC:\n\n- agreed on the access rules. {amends="A1/I/2"}\n:::\n');
  const second = session('B1', '2018-04-16', '- amended the closed-session decision. {amends="A1/I/3"}');

  it('are in the full register, marked, and their links count there', () => {
    const r = buildRegister([first, second], 'full');
    expect(status(r.register)['A1/I/2']).toEqual(['amended', 'A1/I/3']);
    expect(r.register.decisions.find((d) => d.stable_id === 'A1/I/3')!.restricted).toBe(true);
  });

  it('warn when a public decision links to one', () => {
    const r = buildRegister([first, second], 'full');
    expect(problems(r)).toEqual(['17:49 warning link-to-restricted']);
  });

  it('are left out of the public register, with the links typed in them', () => {
    const { register } = buildRegister([first, second], 'public');
    expect(register.decisions.map((d) => d.stable_id)).toEqual(['A1/I/1', 'A1/I/2', 'B1/I/1']);
    // The amendment typed in restricted text is not public: the public register shows the decision in force.
    expect(status(register)['A1/I/2']).toEqual(['in-force']);
    // A public decision's link to a restricted one keeps the id, marked as not listed.
    expect(register.decisions.find((d) => d.stable_id === 'B1/I/1')!.links).toEqual([{ relation: 'amends', decision: 'A1/I/3', listed: false }]);
    expect(JSON.stringify(register)).not.toContain('access rules. ');
    expect(JSON.stringify(register)).not.toContain('closed session');
  });
});

describe('translations', () => {
  it('are left out: their decisions are their original’s', () => {
    const original = session('A1', '2017-10-16', '- noted.');
    const translation = { ...original, dir: 'meetings/A1-fr', report: { ...original.report, meta: { ...original.report.meta, symbol: 'A1F', translation_of: '../A1' } } };
    expect(buildRegister([original, translation], 'full').register.sessions.map((s) => s.symbol)).toEqual(['A1']);
  });
});
