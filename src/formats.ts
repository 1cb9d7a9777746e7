// The output formats acta writes, named here so the CLI can list them without loading the writers.

import type { ImageFormat } from './model.js';

export const FORMATS = ['docx', 'html', 'json', 'pdf', 'akn'] as const;
export type Format = (typeof FORMATS)[number];

/** What `acta build` writes unless --format says otherwise: PDF needs a browser and Akoma Ntoso is for other tools, so both are asked for. */
export const DEFAULT_FORMATS: readonly Format[] = ['docx', 'html', 'json'];

/** The formats of a document to read alone (an annex, the agenda): their data is the report's JSON and Akoma Ntoso. */
export const DOCUMENT_FORMATS: readonly Format[] = ['docx', 'html', 'pdf'];

/** What `acta agenda` writes unless --format says otherwise. */
export const DEFAULT_AGENDA_FORMATS: readonly Format[] = ['docx', 'html'];

/** The file extension of each format: Akoma Ntoso is XML (`PC0517E1a.xml`). */
export const EXTENSIONS: Readonly<Record<Format, string>> = { docx: 'docx', html: 'html', json: 'json', pdf: 'pdf', akn: 'xml' };

/** What `acta build` is asked to write: its formats, editions and parts, and the user's templates or reference document. */
export interface BuildOptions {
  readonly formats: readonly Format[];
  readonly publicOnly: boolean;
  /** The full edition only (--full): the mirror of publicOnly. */
  readonly fullOnly?: boolean;
  /** false: no `annexes/*` files (--no-annex-files); the annexes stay in the report. */
  readonly annexFiles?: boolean;
  /** false: the report alone, no `documents/*` files (--no-documents); the working documents are still checked. */
  readonly documents?: boolean;
  readonly acceptChanges: boolean;
  /** Skip a build whose input and outputs are those of the last one (src/cache/build-cache.ts); off unless true. */
  readonly cache?: boolean;
  /** A user's copy of templates/ (--templates). */
  readonly templates?: string;
  /** A Word document whose styles the DOCX takes (--reference-docx). */
  readonly referenceDocx?: string;
}

/** The media type of each picture format, as a `data:` address names it. */
export const IMAGE_TYPES: Readonly<Record<ImageFormat, string>> = { png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml' };
