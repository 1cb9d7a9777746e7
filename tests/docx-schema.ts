// Validates DOCX parts against the ISO/IEC 29500 transitional schemas (tests/schemas) with xmllint, as Word reads them:
// markup-compatibility processing first (what a namespace listed in mc:Ignorable marks is dropped, mc:AlternateContent
// keeps its Fallback), then one xmllint process for every part of every file.

import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { tool } from './external-tools.js';

const run = promisify(execFile);
const DRIVER = path.resolve('tests/schemas/docx-parts.xsd');

/** The parts the schemas describe: WordprocessingML, the theme (DrawingML) and the extended and custom properties. */
export function schemaParts(parts: Readonly<Record<string, string>>): string[] {
  return Object.keys(parts).filter((name) => /^word\/.*\.xml$/.test(name) || name === 'docProps/app.xml' || name === 'docProps/custom.xml');
}

/** Markup-compatibility processing (ISO/IEC 29500-3) of what docx and Word write: ignorable attributes and elements out. */
export function stripIgnorable(xml: string): string {
  const declared = /\smc:Ignorable="([^"]*)"/.exec(xml);
  let out = xml.replace(/\smc:Ignorable="[^"]*"/g, '');
  out = out.replace(/<mc:AlternateContent\b[^>]*>[\s\S]*?<mc:Fallback>([\s\S]*?)<\/mc:Fallback>\s*<\/mc:AlternateContent>/g, '$1');
  for (const prefix of declared ? declared[1]!.split(/\s+/).filter(Boolean) : []) {
    const p = prefix.replace(/[^\w]/g, '');
    out = out.replace(new RegExp(`\\s${p}:[\\w-]+="[^"]*"`, 'g'), '');
    out = out.replace(new RegExp(`<${p}:([\\w-]+)\\b[^>]*/>`, 'g'), '');
    out = out.replace(new RegExp(`<${p}:([\\w-]+)\\b[^>]*>[\\s\\S]*?</${p}:\\1>`, 'g'), '');
  }
  return out;
}

export interface SchemaResult {
  /** How many parts were validated. */
  readonly parts: number;
  /** xmllint's error lines, each starting with `<docx name>/<part>`. */
  readonly errors: string[];
}

/** Validates the schema parts of every DOCX given (by name) with one xmllint process. */
export async function validateDocxParts(files: Readonly<Record<string, Readonly<Record<string, string>>>>): Promise<SchemaResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'acta-schema-'));
  const written: string[] = [];
  const names = new Map<string, string>();
  for (const [docx, parts] of Object.entries(files)) {
    for (const part of schemaParts(parts)) {
      const file = path.join(dir, `${written.length}.xml`);
      await writeFile(file, stripIgnorable(parts[part]!));
      written.push(file);
      names.set(file, `${docx}/${part}`);
    }
  }
  const result = await run(tool('xmllint'), ['--noout', '--nonet', '--schema', DRIVER, ...written], { maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => r.stderr,
    (e: { stderr?: string; code?: number }) => {
      // xmllint exits 3 (validation error) or 4 (schema error); anything else is not a validation result.
      if (e.code !== 3 && e.code !== 4 && e.code !== 1) throw e;
      return e.stderr ?? '';
    },
  );
  const errors = result
    .split('\n')
    .filter((line) => line.trim() && !/ validates$/.test(line))
    .map((line) => {
      const file = written.find((f) => line.startsWith(`${f}:`) || line.startsWith(`${f} `));
      return file ? line.replace(file, names.get(file)!) : line;
    });
  return { parts: written.length, errors };
}
