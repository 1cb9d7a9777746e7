// The output formats acta writes, named here so the CLI can list them without loading the writers.

export const FORMATS = ['docx', 'html', 'json'] as const;
export type Format = (typeof FORMATS)[number];
