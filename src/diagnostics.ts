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

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.ruleId}]`;
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
