// The programs outside node_modules that tests read acta's outputs with: found once, and named when missing.

import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Each program a test runs, with the Debian package that installs it (the failure message names both). */
const TOOLS = {
  chromium: { program: '/usr/bin/chromium', package: 'chromium' },
  soffice: { program: 'soffice', package: 'libreoffice-writer' },
  pandoc: { program: 'pandoc', package: 'pandoc' },
  xmllint: { program: 'xmllint', package: 'libxml2-utils' },
  pdftotext: { program: 'pdftotext', package: 'poppler-utils' },
  pdfinfo: { program: 'pdfinfo', package: 'poppler-utils' },
  pdfimages: { program: 'pdfimages', package: 'poppler-utils' },
  mutool: { program: 'mutool', package: 'mupdf-tools' },
  python3: { program: '/usr/bin/python3', package: 'python3' },
} as const;

export type ToolName = keyof typeof TOOLS;

const found = new Map<ToolName, string>();

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function locate(program: string): string | undefined {
  if (path.isAbsolute(program)) return isExecutable(program) ? program : undefined;
  return (process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, program)).find(isExecutable);
}

/**
 * The path of a program the calling test needs, looked up once per worker; a missing one fails the test with a
 * message naming the program and its package, rather than a spawn error deep inside a reader.
 */
export function tool(name: ToolName): string {
  const known = found.get(name);
  if (known) return known;
  const { program, package: pkg } = TOOLS[name];
  const at = locate(program);
  if (!at) throw new Error(`This test needs ${program}, which is not installed (Debian package ${pkg}: apt-get install ${pkg}).`);
  found.set(name, at);
  return at;
}

let uno: string | undefined;

/** /usr/bin/python3 able to drive LibreOffice through UNO (the python3-uno package), for the editing tests. */
export function pythonWithUno(): string {
  if (uno) return uno;
  const python = tool('python3');
  if (spawnSync(python, ['-c', 'import uno'], { stdio: 'ignore' }).status !== 0) {
    throw new Error(`This test needs ${python} with LibreOffice's UNO bridge, which is not installed (Debian package python3-uno: apt-get install python3-uno).`);
  }
  return (uno = python);
}
