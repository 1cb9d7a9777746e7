// Every DOCX carries its base: it survives a save in LibreOffice and the way Word stores custom XML; when a tool
// strips it, the copy kept in the user's cache folder stands in, and when neither is there the secretariat can say the
// Markdown has not changed since (--base-is-current), which acta checks.

import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildTo } from '../build-helpers.js';
import { editCopiesInLibreOffice, importInProcess, root } from './import-helpers.js';

async function fixture(): Promise<{ dir: string; docx: string }> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'acta-base-')), 'round-trip');
  await cp(path.join(root, 'tests/fixtures/round-trip'), dir, { recursive: true });
  const built = await buildTo(dir, ['docx'], { fullOnly: true, annexFiles: false, documents: false });
  return { dir, docx: path.join(built.folder, 'RT0001E1.docx') };
}

/** The DOCX with its parts changed by `change`, written beside it. */
async function repacked(docx: string, name: string, change: (parts: Record<string, Uint8Array>) => void): Promise<string> {
  const parts = unzipSync(new Uint8Array(await readFile(docx)));
  change(parts);
  const file = path.join(path.dirname(docx), name);
  await writeFile(file, zipSync(parts));
  return file;
}

const stripped = (parts: Record<string, Uint8Array>) => {
  for (const name of Object.keys(parts)) if (name.startsWith('customXml/')) delete parts[name];
  parts['word/_rels/document.xml.rels'] = strToU8(strFromU8(parts['word/_rels/document.xml.rels']!).replace(/<Relationship [^>]*customXml[^>]*\/>/, ''));
};

/**
 * The saves in LibreOffice of the two tests below, each on the DOCX of a fixture copy of its own, made in one
 * LibreOffice session (each start of LibreOffice and its UNO listener costs seconds).
 */
let libreOffice: Promise<{ alone: { dir: string; docx: string; saved: string }; pair: { dir: string; docx: string; japan: string; france: string } }> | null = null;

function savedInLibreOffice() {
  libreOffice ??= (async () => {
    const [alone, pair] = await Promise.all([fixture(), fixture()]);
    const [saved, japan, france] = await editCopiesInLibreOffice([
      { docx: alone.docx, edits: [{ op: 'track', on: true }, { op: 'insert-after', after: 'welcomed the delegates', text: ' warmly' }] },
      { docx: pair.docx, reviewer: ['Delegate of', 'Japan'], edits: [{ op: 'track', on: true }, { op: 'insert-after', after: 'presented the', text: ' revised' }] },
      { docx: pair.docx, reviewer: ['Delegate of', 'France'], edits: [{ op: 'track', on: true }, { op: 'replace', find: ' and the buyer', text: '' }, { op: 'insert-after', after: 'consult the private sector', text: ' and the Members' }] },
    ]);
    return { alone: { ...alone, saved: saved! }, pair: { ...pair, japan: japan!, france: france! } };
  })();
  return libreOffice;
}

describe('the base a DOCX carries', () => {
  it('survives a save in LibreOffice: its custom XML part and properties are there, and the edit merges from it', async () => {
    const { dir, saved } = (await savedInLibreOffice()).alone;
    const parts = unzipSync(new Uint8Array(await readFile(saved)));
    const items = Object.keys(parts).filter((n) => /^customXml\/item\d+\.xml$/.test(n)).map((n) => strFromU8(parts[n]!));
    expect(items.some((x) => x.includes('urn:acta:base:1') && x.includes('<acta:files encoding="deflate+base64">'))).toBe(true);
    expect(strFromU8(parts['docProps/custom.xml']!)).toMatch(/name="acta build"><vt:lpwstr>[0-9a-f]{32}</);
    const result = await importInProcess(dir, saved);
    expect(result.base).toBe('file');
    const [file] = [...result.files.keys()];
    expect(path.basename(file!)).toBe('meeting.md');
    expect(result.files.get(file!)!.after).toMatch(/welcomed the delegates\{\+\+ warmly\+\+\}\{by="Delegate of Japan" at="[^"]+"\}\./);
  }, 240_000);

  it('two reviewers save their copies of an older build in LibreOffice: imported in either order, the Markdown holds both and the newer work', async () => {
    const { dir, japan, france } = (await savedInLibreOffice()).pair;
    // Meanwhile the secretariat goes on in the Markdown.
    const meetingFile = path.join(dir, 'meeting.md');
    const newer = (await readFile(meetingFile, 'utf8')).replace('welcomed the delegates.', 'welcomed the delegates and the observers.').replace('- agreed to return to the matter at its next session.\n', '');
    await writeFile(meetingFile, newer);
    const orders = [
      [japan, france],
      [france, japan],
    ];
    const results: string[] = [];
    for (const order of orders) {
      await writeFile(meetingFile, newer);
      for (const copy of order) {
        const result = await importInProcess(dir, copy);
        expect(result.conflicts).toEqual([]);
        expect(result.base).toBe('file');
        for (const [file, { after }] of result.files) await writeFile(file, after);
      }
      results.push(await readFile(meetingFile, 'utf8'));
    }
    expect(results[0]).toBe(results[1]);
    const merged = results[0]!;
    expect(merged).toContain('welcomed the delegates and the observers.');
    expect(merged).not.toContain('agreed to return to the matter');
    expect(merged).toMatch(/presented the\{\+\+ revised\+\+\}\{by="Delegate of Japan" at="[^"]+"\} draft framework to the seller\{-- and the buyer--\}\{by="Delegate of France" at="[^"]+"\}\./);
    expect(merged).toMatch(/consult the private sector\{\+\+ and the Members\+\+\}\{by="Delegate of France" at="[^"]+"\}; and/);
  }, 240_000);

  it('is read however the item is named and prefixed, as Word may store it again', async () => {
    const { dir, docx } = await fixture();
    const moved = await repacked(docx, 'moved.docx', (parts) => {
      const item = strFromU8(parts['customXml/item1.xml']!).replace(/<(\/?)acta:/g, '<$1ns0:').replace('xmlns:acta=', 'xmlns:ns0=');
      expect(item).toContain('<ns0:base xmlns:ns0="urn:acta:base:1"');
      delete parts['customXml/item1.xml'];
      parts['customXml/item7.xml'] = strToU8(item);
    });
    const result = await importInProcess(dir, moved);
    expect(result.base).toBe('file');
    expect([...result.files.keys()]).toEqual([]);
  });

  it('stripped, is found in the copy kept in the cache folder; then, refused unless --base-is-current, which acta checks', async () => {
    const { dir, docx } = await fixture();
    const bare = await repacked(docx, 'bare.docx', stripped);
    expect(Object.keys(unzipSync(new Uint8Array(await readFile(bare)))).some((n) => n.startsWith('customXml/'))).toBe(false);
    expect((await importInProcess(dir, bare)).base).toBe('cache');

    const elsewhere = { ...process.env, ACTA_CACHE_DIR: await mkdtemp(path.join(tmpdir(), 'acta-empty-cache-')) };
    await expect(importInProcess(dir, bare, { env: elsewhere })).rejects.toThrow(/no longer carries the Markdown it was built from .* run the import again with --base-is-current/);
    const current = await importInProcess(dir, bare, { env: elsewhere, baseIsCurrent: true });
    expect(current.base).toBe('current');
    expect([...current.files.keys()]).toEqual([]);

    const meeting = path.join(dir, 'meeting.md');
    await writeFile(meeting, (await readFile(meeting, 'utf8')).replace('welcomed the delegates', 'welcomed all the delegates'));
    await expect(importInProcess(dir, bare, { env: elsewhere, baseIsCurrent: true })).rejects.toThrow(/the Markdown has changed since the file was built/);
  });

  it('altered or damaged, is refused with a message, never half read', async () => {
    const { dir, docx } = await fixture();
    const altered = await repacked(docx, 'altered.docx', (parts) => {
      parts['customXml/item1.xml'] = strToU8(strFromU8(parts['customXml/item1.xml']!).replace(/(<acta:files encoding="deflate\+base64">)[A-Za-z0-9+/]{8}/, '$1AAAAAAAA'));
    });
    await expect(importInProcess(dir, altered)).rejects.toThrow(/build record is damaged/);
  });
});
