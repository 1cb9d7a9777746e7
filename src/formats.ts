// The output formats acta writes, named here so the CLI can list them without loading the writers.

export const FORMATS = ['docx', 'html', 'json', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

/** What `acta build` writes unless --format says otherwise: PDF needs a browser, so it is asked for. */
export const DEFAULT_FORMATS: readonly Format[] = ['docx', 'html', 'json'];
