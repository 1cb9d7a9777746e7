// A rebuild renders only the outputs whose key changed (what their renderer reads) and leaves every other output
// as the last build wrote it, bytes and time; what it writes is still exactly what a build without the cache writes.

import { cp, mkdtemp, readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting, prepareRenderEnv, type RenderEnv } from '../../src/pipeline.js';
import type { BuildOptions } from '../../src/formats.js';
import { renderReferenceDocx } from '../../src/render/docx/reference-docx.js';

const OPTIONS: BuildOptions = { formats: ['docx', 'html', 'json'], publicOnly: false, acceptChanges: false, cache: true };
/** Every output is given this time after a build: a file that still has it was not written again. */
const LONG_AGO = new Date('2001-01-01T00:00:00Z');

let env: RenderEnv;
beforeAll(async () => {
  env = (await prepareRenderEnv()).env!;
});

async function filesOf(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => path.relative(folder, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}

/** A copy of a meeting, built once with the cache; `rebuild` builds again and says which outputs were written, after checking the others kept their bytes. */
async function builtCopy(meeting: string, options: BuildOptions = OPTIONS, renderEnv: RenderEnv = env) {
  const work = await mkdtemp(path.join(tmpdir(), 'acta-keys-'));
  const dir = path.join(work, path.basename(meeting));
  await cp(meeting, dir, { recursive: true });
  const out = path.join(work, 'out');
  const folder = path.join(out, path.basename(meeting));
  const age = async () => {
    for (const f of await filesOf(folder)) await utimes(path.join(folder, f), LONG_AGO, LONG_AGO);
  };
  expect((await buildMeeting(dir, out, options, renderEnv)).report).not.toBeNull();
  await age();
  return {
    dir,
    folder,
    /** The files the build wrote (its other files untouched, bytes and time), and whether the whole folder is what a build without the cache writes. */
    rebuild: async (again: BuildOptions = options, againEnv: RenderEnv = renderEnv) => {
      const before = new Map(await Promise.all((await filesOf(folder)).map(async (f) => [f, await readFile(path.join(folder, f))] as const)));
      const built = await buildMeeting(dir, out, again, againEnv);
      expect(built.report !== null || built.upToDate !== undefined).toBe(true);
      const written: string[] = [];
      for (const f of await filesOf(folder)) {
        if ((await stat(path.join(folder, f))).mtimeMs !== LONG_AGO.getTime()) written.push(f);
        else expect(await readFile(path.join(folder, f)), f).toEqual(before.get(f));
      }
      const fresh = path.join(work, `fresh-${Math.random().toString(36).slice(2)}`);
      await buildMeeting(dir, fresh, { ...again, cache: false }, againEnv);
      const freshFolder = path.join(fresh, path.basename(meeting));
      expect(await filesOf(folder)).toEqual(await filesOf(freshFolder));
      for (const f of await filesOf(freshFolder)) expect(await readFile(path.join(folder, f)), f).toEqual(await readFile(path.join(freshFolder, f)));
      await age();
      return written;
    },
  };
}

async function changeWord(file: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const changed = text.replace(/ (le|la|les|the) /, ' ZQWORD ');
  expect(changed).not.toBe(text);
  await writeFile(file, changed);
}

describe('a rebuild renders only the outputs whose key changed', () => {
  it('a word changed in an item rewrites the report editions and the annexes alone in DOCX (whose base names the report\'s sources), and leaves the annexes alone in HTML and JSON and the registers as they were', async () => {
    const { dir, folder, rebuild } = await builtCopy('meetings/exemple-fr');
    expect(await rebuild()).toEqual([]);
    await changeWord(path.join(dir, 'items', '05-cybersecurite.md'));
    const written = await rebuild();
    expect(written.filter((f) => !f.startsWith('annexes/'))).toEqual(['PI0231F1a-public.docx', 'PI0231F1a-public.html', 'PI0231F1a-public.json', 'PI0231F1a.docx', 'PI0231F1a.html', 'PI0231F1a.json']);
    const annexDocx = (await filesOf(folder)).filter((f) => f.startsWith('annexes/') && f.endsWith('.docx'));
    expect(annexDocx.length).toBeGreaterThan(2);
    expect(written.filter((f) => f.startsWith('annexes/'))).toEqual(annexDocx);
  });

  it('a word changed in an annex rewrites that annex alone and the editions that hold it', async () => {
    const { dir, rebuild } = await builtCopy('meetings/exemple-fr', { ...OPTIONS, formats: ['html', 'json'] });
    const annexes = (await readdir(path.join(dir, 'annexes'))).sort();
    await changeWord(path.join(dir, 'annexes', annexes.at(-1)!));
    const written = await rebuild();
    expect(written.filter((f) => f.startsWith('annexes/')).map((f) => f.replace(/(-public)?\.(html|json)$/, '')).filter((f, i, all) => all.indexOf(f) === i)).toHaveLength(1);
    expect(written.filter((f) => !f.startsWith('annexes/'))).toEqual(['PI0231F1a-public.html', 'PI0231F1a-public.json', 'PI0231F1a.html', 'PI0231F1a.json']);
  });

  it('a word changed in a working document rewrites that document and the report editions that list it, not the annexes alone', async () => {
    const { dir, rebuild } = await builtCopy('tests/fixtures/working-documents', { ...OPTIONS, formats: ['html', 'json'] });
    await changeWord(path.join(dir, 'documents', 'budget.md'));
    const written = await rebuild();
    expect(written.filter((f) => f.startsWith('annexes/'))).toEqual([]);
    expect(written.filter((f) => !f.startsWith('documents/'))).toEqual(['PC0520E1a-public.html', 'PC0520E1a-public.json', 'PC0520E1a.html', 'PC0520E1a.json']);
    // The changed document (budget.md, PC0510E1a, restricted: no public file); the documents that refer to it may be
    // rewritten too, their keys holding what their references print.
    expect(written.filter((f) => f.startsWith('documents/PC0510E1a'))).toEqual(['documents/PC0510E1a.html', 'documents/PC0510E1a.json']);
  });

  it('a changed template re-renders the HTML files alone, a reference document the DOCX files alone, a format added that format alone', { timeout: 240_000 }, async () => {
    const { work, rebuild, folder } = await (async () => {
      const copy = await builtCopy('meetings/exemple-fr');
      return { ...copy, work: path.dirname(path.dirname(copy.folder)) };
    })();
    const all = await filesOf(folder);
    const templates = path.join(work, 'templates');
    await cp('templates/style.css', path.join(templates, 'style.css'));
    await writeFile(path.join(templates, 'style.css'), `${await readFile('templates/style.css', 'utf8')}\n.zq { color: red; }\n`);
    const styled = (await prepareRenderEnv(templates)).env!;
    expect(await rebuild({ ...OPTIONS, templates }, styled)).toEqual(all.filter((f) => f.endsWith('.html')));
    const reference = path.join(work, 'reference.docx');
    await writeFile(reference, await renderReferenceDocx('fr'));
    const restyled = (await prepareRenderEnv(templates, reference)).env!;
    expect(await rebuild({ ...OPTIONS, templates, referenceDocx: reference }, restyled)).toEqual(all.filter((f) => f.endsWith('.docx')));
    const narrow = await builtCopy('meetings/exemple-fr', { ...OPTIONS, formats: ['html'] });
    expect(await narrow.rebuild({ ...OPTIONS, formats: ['html', 'json'] })).toEqual((await filesOf(narrow.folder)).filter((f) => f.endsWith('.json')));
  });
});
