// acta watch reads again only the file that changed: the tree cache, by exact text, gives every other
// file's tree back as it was, and a meeting read through it is the meeting read without it.

import { describe, expect, it } from 'vitest';
import { loadMeeting } from '../../src/load/load-meeting.js';
import { TreeCache } from '../../src/cache/tree-cache.js';
import { parseMeeting } from '../../src/parse/parse-meeting.js';

describe('the tree cache of acta watch', () => {
  it('reads each file once, then only the one that changed; the meeting is the one read without the cache', async () => {
    const loaded = (await loadMeeting('meetings/ptc-219-220')).value;
    const files = 1 + loaded.items.length + loaded.annexes.length;
    const trees = new TreeCache();
    trees.nextRound();
    const first = parseMeeting(loaded, trees);
    // Each file once, and a file calling a footnote defined in another file once more with stand-ins.
    expect(trees.parsed).toBeGreaterThanOrEqual(files);
    const afterFirst = trees.parsed;
    expect(first).toEqual(parseMeeting(loaded));

    trees.nextRound();
    expect(parseMeeting(loaded, trees)).toEqual(first);
    expect(trees.parsed).toBe(afterFirst);

    const saved = loaded.items[3]!;
    const edited = { ...loaded, items: loaded.items.map((f) => (f === saved ? { ...f, text: `${f.text}\nA paragraph added on save.\n` } : f)) };
    trees.nextRound();
    const again = parseMeeting(edited, trees);
    expect(trees.parsed).toBe(afterFirst + 1);
    expect(again).toEqual(parseMeeting(edited));
    expect(JSON.stringify(again.value)).toContain('A paragraph added on save.');
  });

  it('reads the issued record once while its text stays the same, and again when it changes', async () => {
    const loaded = (await loadMeeting('meetings/ptc-219-220')).value;
    expect(loaded.lock).not.toBeNull();
    const trees = new TreeCache();
    trees.nextRound();
    const first = parseMeeting(loaded, trees).value!.record!;
    trees.nextRound();
    // The same record, not one read again: the flagship's YAML takes longer to read than its Markdown from the cache.
    expect(parseMeeting(loaded, trees).value!.record).toBe(first);
    const edited = { ...loaded, lock: { ...loaded.lock!, text: loaded.lock!.text.replace('corrigenda: 0', 'corrigenda: 1') } };
    trees.nextRound();
    const again = parseMeeting(edited, trees).value!.record!;
    expect(again).not.toBe(first);
    expect([first.corrigenda, again.corrigenda]).toEqual([0, 1]);
    // Without a cache, each reading is its own.
    expect(parseMeeting(loaded).value!.record).not.toBe(parseMeeting(loaded).value!.record);
  });

  it('checks the settings of a file once while they stay the same, and again when they change', async () => {
    const loaded = (await loadMeeting('meetings/ptc-219-220')).value;
    const trees = new TreeCache();
    trees.nextRound();
    const first = parseMeeting(loaded, trees).value!;
    trees.nextRound();
    const second = parseMeeting(loaded, trees).value!;
    expect(second.meta).toBe(first.meta);
    expect(second.meta).toEqual(parseMeeting(loaded).value!.meta);
    const edited = { ...loaded, meeting: { ...loaded.meeting!, text: loaded.meeting!.text.replace('place: Brussels', 'place: Bruxelles') } };
    trees.nextRound();
    const third = parseMeeting(edited, trees).value!;
    expect(third.meta).not.toBe(first.meta);
    expect(third.meta.place).toBe('Bruxelles');
  });
});
