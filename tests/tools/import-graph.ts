// Checks src/'s import graph against the layers of docs/architecture.md: prints every cycle and every arrow from a
// lower layer to a higher one, with its file names. `npx tsx tests/tools/import-graph.ts` (exit 1 when any is found).

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '../../src');

/** Each module's layer, lowest first: a module may import its own layer's and lower ones'. */
const LAYERS: readonly (readonly string[])[] = [
  ['model.ts', 'model/', 'diagnostics.ts', 'walk.ts', 'xml.ts', 'hash.ts', 'formats.ts', 'profiles.ts', 'limits.ts', 'output-names.ts', 'plain-text.ts', 'i18n/'],
  ['load/'],
  ['parse/'],
  ['number/'],
  ['public/'],
  ['align/', 'register/'],
  ['render/', 'renumber/'],
  ['write/', 'cache/'],
  ['pipeline.ts', 'pipeline/'],
  ['errors.ts', 'import/', 'watch/', 'workers/', 'init/'],
  ['commands/'],
  ['cli.ts'],
];

function layerOf(file: string): number {
  const at = LAYERS.findIndex((layer) => layer.some((prefix) => (prefix.endsWith('/') ? file.startsWith(prefix) : file === prefix)));
  if (at < 0) throw new Error(`${file} is in no layer: add it to LAYERS (and to docs/architecture.md)`);
  return at;
}

interface Arrow {
  readonly from: string;
  readonly to: string;
  /** `import type` only: no code runs, but the layers still depend on each other. */
  readonly typeOnly: boolean;
  readonly dynamic: boolean;
}

/** Every relative import of a module, as the TypeScript parser reads it (static, `export … from` and `import()`). */
function arrowsOf(file: string): Arrow[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const arrows: Arrow[] = [];
  const add = (specifier: string, typeOnly: boolean, dynamic: boolean) => {
    if (!specifier.startsWith('.')) return;
    const to = path.relative(root, path.resolve(path.dirname(path.join(root, file)), specifier)).replace(/\.js$/, '.ts');
    if (to.startsWith('..')) return; // package.json, read for acta's version
    arrows.push({ from: file, to, typeOnly, dynamic });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly = clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, typeOnly, false);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly, false);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      add(node.arguments[0].text, false, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return arrows;
}

/** Tarjan's strongly connected components: each one of more than one module is a cycle. */
function cyclesOf(modules: readonly string[], next: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const m of modules) if (!index.has(m)) connect(m);
  return found;
}

const modules = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.split(path.sep).join('/')).sort();
const arrows = modules.flatMap(arrowsOf);
const next = new Map<string, string[]>();
for (const a of arrows) next.set(a.from, [...(next.get(a.from) ?? []), a.to]);

const cycles = cyclesOf(modules, next);
const up = arrows.filter((a) => layerOf(a.to) > layerOf(a.from));
const how = (a: Arrow) => (a.typeOnly ? ' (type only)' : a.dynamic ? ' (dynamic import)' : '');

console.log(`${modules.length} modules, ${arrows.length} imports between them`);
console.log(`\n${cycles.length} cycle${cycles.length === 1 ? '' : 's'}`);
for (const c of cycles) {
  console.log(`- ${c.join(' ↔ ')}`);
  for (const a of arrows.filter((x) => c.includes(x.from) && c.includes(x.to))) console.log(`    ${a.from} → ${a.to}${how(a)}`);
}
console.log(`\n${up.length} arrow${up.length === 1 ? '' : 's'} back up a layer`);
for (const a of up) console.log(`- ${a.from} → ${a.to}${how(a)}`);
process.exitCode = cycles.length + up.length > 0 ? 1 : 0;
