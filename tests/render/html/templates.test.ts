import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTemplatesDir } from '../../../src/load/load-templates.js';
import { prepareRenderEnv } from '../../../src/pipeline.js';
import { buildTo } from '../../build-helpers.js';

describe('--templates', () => {
  it('lays out the HTML with a user copy of templates/, no code touched', async () => {
    const mine = await mkdtemp(path.join(tmpdir(), 'acta-tpl-'));
    await cp(defaultTemplatesDir(), mine, { recursive: true });
    await writeFile(path.join(mine, 'partials', 'cover.hbs'), '<header class="cover"><p class="brand">Secretariat of {{committee}}</p><p class="symbol">{{symbol}}</p></header>\n');
    await writeFile(path.join(mine, 'style.css'), `${await readFile(path.join(mine, 'style.css'), 'utf8')}\n.brand { color: rebeccapurple; }\n`);
    const built = await buildTo('tests/fixtures/restricted', ['html'], { templates: mine });
    const html = await readFile(path.join(built.folder, 'PC0600E1a.html'), 'utf8');
    expect(html).toContain('<p class="brand">Secretariat of Permanent Technical Committee</p>');
    expect(html).toContain('.brand { color: rebeccapurple; }');
    expect(html).toContain('class="agenda"'); // the partials not copied over still come from acta
  });

  it('takes only the files a user changed, the rest from acta', async () => {
    const mine = await mkdtemp(path.join(tmpdir(), 'acta-tpl-'));
    await writeFile(path.join(mine, 'style.css'), 'body { color: teal; }\n');
    const built = await buildTo('tests/fixtures/restricted', ['html'], { templates: mine });
    const html = await readFile(path.join(built.folder, 'PC0600E1a.html'), 'utf8');
    expect(html).toContain('body { color: teal; }');
    expect(html).toContain('class="agenda"');
  });

  it('reports a template syntax error at its file and line', async () => {
    const mine = await mkdtemp(path.join(tmpdir(), 'acta-tpl-'));
    await cp(defaultTemplatesDir(), mine, { recursive: true });
    // A hash argument with no value, on line 3.
    await writeFile(path.join(mine, 'partials', 'item.hbs'), '<section>\n{{#each body}}\n{{> flow x=}}\n{{/each}}\n</section>\n');
    const prepared = await prepareRenderEnv(mine);
    expect(prepared.env).toBeNull();
    expect(prepared.diagnostics.map((d) => [path.basename(d.file), d.line, d.ruleId])).toEqual([['item.hbs', 3, 'template']]);
  });

  it('reports a templates folder that does not exist', async () => {
    const prepared = await prepareRenderEnv('/no/such/templates');
    expect(prepared.diagnostics.map((d) => d.ruleId)).toEqual(['no-templates']);
  });
});
