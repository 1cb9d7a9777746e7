// The house rules docs/architecture.md states for src/: no file over 400 lines, no function over 60 lines (a table of
// handlers or words counts as a declaration, not a function). `npx tsx tests/tools/house.ts` prints each one over
// (exit 1 while any is left).

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '../../src');
export const MAX_FILE_LINES = 400;
export const MAX_FUNCTION_LINES = 60;

export interface Over {
  readonly file: string;
  readonly name: string;
  readonly lines: number;
}

/** Every function, method, arrow function and accessor of a file longer than the limit, with the name it is known by. */
function longFunctions(file: string): Over[] {
  return longFunctionsOf(file, readFileSync(path.join(root, file), 'utf8'));
}

/** The functions of a module's text over the limit. */
export function longFunctionsOf(file: string, text: string): Over[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Over[] = [];
  const nameOf = (node: ts.Node): string => {
    if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node)) && node.name) return node.name.getText(source);
    if (ts.isConstructorDeclaration(node)) return 'constructor';
    const parent = node.parent;
    if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))) return parent.name.getText(source);
    return '(anonymous)';
  };
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > MAX_FUNCTION_LINES) found.push({ file, name: nameOf(node), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export function houseReport(): { readonly modules: number; readonly files: Over[]; readonly functions: Over[] } {
  const modules = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.split(path.sep).join('/')).sort();
  const files = modules.map((file) => ({ file, name: '', lines: readFileSync(path.join(root, file), 'utf8').trimEnd().split('\n').length })).filter((f) => f.lines > MAX_FILE_LINES);
  return { modules: modules.length, files, functions: modules.flatMap(longFunctions) };
}

if (import.meta.filename === process.argv[1]) {
  const { files, functions } = houseReport();
  console.log(`${files.length} file${files.length === 1 ? '' : 's'} over ${MAX_FILE_LINES} lines`);
  for (const f of files) console.log(`- ${f.file}: ${f.lines}`);
  console.log(`\n${functions.length} function${functions.length === 1 ? '' : 's'} over ${MAX_FUNCTION_LINES} lines`);
  for (const f of functions) console.log(`- ${f.file} ${f.name}: ${f.lines}`);
  process.exitCode = files.length + functions.length > 0 ? 1 : 0;
}
