// Makes the README's pictures from the flagship meeting: `npm run screenshots`.
// The HTML top (cover and agenda table) comes from Debian's Chromium; the DOCX first page is
// LibreOffice's rendering (soffice to PDF, then pdftoppm); the PDF page with the report's first footnote is acta's own
// PDF (pdftoppm).

import { execFileSync } from 'node:child_process';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../browser.js';
import { buildTo } from '../build-helpers.js';
import { openPrinter } from '../../src/render/pdf/print-pdf.js';
import { pdfPages, sofficeToPdf } from '../readers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const images = path.join(here, 'images');

async function main(): Promise<void> {
  await mkdir(images, { recursive: true });
  const built = await buildTo(path.join(here, '..', '..', 'meetings', 'ptc-219-220'), ['html', 'docx']);
  const pdf = await sofficeToPdf(path.join(built.folder, 'PC0517E1a.docx'));
  const page = path.join(path.dirname(pdf), 'page');
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '80', '-png', '-singlefile', pdf, page]);
  await rename(`${page}.png`, path.join(images, 'docx-page1.png'));
  console.log(`wrote ${path.relative(process.cwd(), path.join(images, 'docx-page1.png'))}`);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 1180 }, deviceScaleFactor: 1 });
    await page.goto(`file://${path.join(built.folder, 'PC0517E1a.html')}`);
    const out = path.join(images, 'html-top.png');
    await page.screenshot({ path: out });
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
  } finally {
    await browser.close();
  }
  const printer = await openPrinter();
  try {
    const printed = await buildTo(path.join(here, '..', '..', 'meetings', 'ptc-219-220'), ['pdf'], { fullOnly: true, annexFiles: false, documents: false }, printer);
    const file = path.join(printed.folder, 'PC0517E1a.pdf');
    const at = (await pdfPages(file)).findIndex((p) => p.includes('Five digits of UN/LOCODE')) + 1;
    const page = path.join(printed.folder, 'page');
    execFileSync('pdftoppm', ['-f', String(at), '-l', String(at), '-r', '80', '-png', '-singlefile', file, page]);
    await rename(`${page}.png`, path.join(images, 'pdf-footnote-page.png'));
    console.log(`wrote ${path.relative(process.cwd(), path.join(images, 'pdf-footnote-page.png'))} (page ${at})`);
  } finally {
    await printer.close();
  }
}

await main();
