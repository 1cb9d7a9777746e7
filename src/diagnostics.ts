// Input problems: made as vfile messages (reason, place, ruleId, source), carried as plain records
// (they cross worker threads), printed as file:line:column.

import { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Point, SourceRange } from './model.js';

export type Severity = 'error' | 'warning';

/** A start position in a file: what a message points at. */
export interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Diagnostic extends Place {
  readonly severity: Severity;
  readonly ruleId: string;
  readonly message: string;
  /** Where the problem ends, when it covers a stretch of text. */
  readonly end?: { readonly line: number; readonly column: number };
}

/** Either a start position or a node's whole source range. */
export type Where = Place | SourceRange;

function isRange(where: Where): where is SourceRange {
  return 'start' in where;
}

/** The start of a range (or the place itself). */
export function placeOf(where: Where): Place {
  return isRange(where) ? { file: where.file, line: where.start.line, column: where.start.column } : where;
}

function report(severity: Severity, where: Where, ruleId: string, reason: string): Diagnostic {
  const file = new VFile({ path: where.file });
  const message = file.message(reason, {
    place: isRange(where) ? { start: where.start, end: where.end } : { line: where.line, column: where.column },
    ruleId,
    source: 'acta',
  });
  message.fatal = severity === 'error';
  return toDiagnostic(message, severity);
}

function toDiagnostic(message: ReturnType<VFile['message']>, severity: Severity): Diagnostic {
  const place = message.place;
  const end = place && 'end' in place ? place.end : undefined;
  return {
    file: message.file ?? '',
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity,
    ruleId: message.ruleId ?? 'acta',
    message: message.reason,
    ...(end ? { end: { line: end.line, column: end.column } } : {}),
  };
}

export function error(where: Where, ruleId: string, message: string): Diagnostic {
  return report('error', where, ruleId, message);
}

export function warning(where: Where, ruleId: string, message: string): Diagnostic {
  return report('warning', where, ruleId, message);
}

/** A problem with a path as a whole (a folder that is not there): it has no line to point at. */
export function pathError(file: string, ruleId: string, message: string): Diagnostic {
  return { file, line: 0, column: 0, severity: 'error', ruleId, message };
}

export function formatDiagnostic(d: Diagnostic, color = false): string {
  const severity = color ? `${d.severity === 'error' ? '\u001b[31m' : '\u001b[33m'}${d.severity}\u001b[39m` : d.severity;
  return `${formatPlace(d)}: ${severity}: ${d.message} [${d.ruleId}]`;
}

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  return isTerminal && (env.NO_COLOR === undefined || env.NO_COLOR === '') && env.TERM !== 'dumb';
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order: by file, then line, then column, so output does not depend on stage order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** Where a place is shown as text inside another message ("first defined at …"). */
export function formatPlace(where: Where): string {
  const place = placeOf(where);
  return place.line === 0 ? place.file : `${place.file}:${place.line}:${place.column}`;
}

/**
 * The line index of the texts asked about last: indexing a text costs its length, and a file can have thousands of
 * problems, each placed in it (a few entries, as problems come file by file).
 */
const indexes: { text: string; index: ReturnType<typeof location> }[] = [];

function indexOf(text: string): ReturnType<typeof location> {
  const known = indexes.find((entry) => entry.text === text);
  if (known) return known.index;
  const index = location(text);
  indexes.unshift({ text, index });
  if (indexes.length > 4) indexes.pop();
  return index;
}

/** Line, column and offset of an offset in a text (1-based line and column, as editors show them). */
export function pointAt(text: string, offset: number): Point {
  const point = indexOf(text).toPoint(offset);
  if (point) return { line: point.line, column: point.column, offset };
  // Past the end (an empty file): the end of the text.
  const end = indexOf(text).toPoint(text.length) ?? { line: 1, column: 1 };
  return { line: end.line, column: end.column, offset: text.length };
}

/** A range covering a whole file, for problems about a file as a whole. */
export function wholeFile(file: string, text = ''): SourceRange {
  return { file, start: { line: 1, column: 1, offset: 0 }, end: pointAt(text, text.length) };
}

/** The result of a stage that can report problems. */
export interface Result<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}

/** Typed text shown in a message: on one line, cut at `max` characters with an ellipsis. */
export function shortened(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
