// The document profile decides whether an edition has an agenda table: renderers ask it, not the kind of document.

import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SUMMARY_REPORT } from '../../src/profiles.js';
import { renderDocx } from '../../src/render/docx/render-docx.js';
import { htmlView } from '../../src/render/html/view-model.js';
import { runBody } from '../helpers.js';

const report = runBody('# Opening\n\nThe Chairperson opened the session.\n\nIn conclusion, the PTC:\n\n- took note.\n').numbered!;
const noAgenda = { ...report, profile: { ...SUMMARY_REPORT, agendaTable: false } };
const documentXml = async (r: typeof report) => strFromU8(unzipSync(await renderDocx(r))['word/document.xml']!);

describe('the document profile', () => {
  it('is the summary report for a meeting, with its agenda table', async () => {
    expect(report.profile).toEqual(SUMMARY_REPORT);
    expect(htmlView(report).agenda?.rows.map((r) => [r.numeral, r.range])).toEqual([['I', '01 - 02']]);
    expect(await documentXml(report)).toContain('>Agenda Item<');
  });

  it('leaves the agenda table out of both formats when the profile has none', async () => {
    expect(htmlView(noAgenda).agenda).toBeNull();
    const xml = await documentXml(noAgenda);
    expect(xml).not.toContain('>Agenda Item<');
    expect(xml).toContain('The Chairperson opened the session.');
  });
});
