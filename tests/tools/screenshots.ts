// Makes the README's pictures from the flagship meeting: `npm run screenshots`.
// The HTML top (cover and agenda table) comes from Debian's Chromium; the DOCX first page is
// LibreOffice's rendering (soffice to PDF, then pdftoppm).

import { execFileSync } from 'node:child_process';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../browser.js';
import { buildTo } from '../build-helpers.js';
import { sofficeToPdf } from '../readers.js';

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
}

await main();
