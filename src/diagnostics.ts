// Input problems as typed values with a source position, printed as file:line:column.

export type Severity = 'error' | 'warning';

export interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Diagnostic extends Place {
  readonly severity: Severity;
  readonly ruleId: string;
  readonly message: string;
}

export function error(place: Place, ruleId: string, message: string): Diagnostic {
  return { file: place.file, line: place.line, column: place.column, severity: 'error', ruleId, message };
}

export function warning(place: Place, ruleId: string, message: string): Diagnostic {
  return { file: place.file, line: place.line, column: place.column, severity: 'warning', ruleId, message };
}

export function formatDiagnostic(d: Diagnostic, color = false): string {
  const severity = color ? `${d.severity === 'error' ? '\u001b[31m' : '\u001b[33m'}${d.severity}\u001b[39m` : d.severity;
  return `${d.file}:${d.line}:${d.column}: ${severity}: ${d.message} [${d.ruleId}]`;
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
export function formatPlace(place: Place): string {
  return `${place.file}:${place.line}:${place.column}`;
}

/** The result of a stage that can report problems. */
export interface Result<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}
