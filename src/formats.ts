// The output formats acta writes, named here so the CLI can list them without loading the writers.

export const FORMATS = ['docx', 'html', 'json', 'pdf', 'akn'] as const;
export type Format = (typeof FORMATS)[number];

/** What `acta build` writes unless --format says otherwise: PDF needs a browser and Akoma Ntoso is for other tools, so both are asked for. */
export const DEFAULT_FORMATS: readonly Format[] = ['docx', 'html', 'json'];

/** The file extension of each format: Akoma Ntoso is XML (`PC0517E1a.xml`). */
export const EXTENSIONS: Readonly<Record<Format, string>> = { docx: 'docx', html: 'html', json: 'json', pdf: 'pdf', akn: 'xml' };
