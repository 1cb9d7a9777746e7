// Which file the import holds, and what it was built from: the build record the DOCX carries (a custom XML part),
// else the copy acta kept of that build in the user's cache folder, else, when the secretariat says the Markdown has
// not changed since (--base-is-current), the Markdown as it is now, checked against the file's build record.
// The file is known by its record, never by its title.

import { DamagedBase, readBasePart, readBuildProperties, sourcesHashOf, type BaseFile, type BaseIdentity, type ReadBase } from '../render/docx/base-part.js';
import { recallBase } from '../cache/base-cache.js';
import { RefusedDocx } from './read-docx.js';

export interface ResolvedBase {
  readonly identity: BaseIdentity;
  readonly build: string;
  /** The base's files: the document's sources as they were built. */
  readonly files: readonly BaseFile[];
  /** Where the base was found. */
  readonly from: 'file' | 'cache' | 'current';
}

export interface Current {
  /** The meeting's symbol as the Markdown has it now. */
  readonly symbol: string;
  /** The ids of its working documents now. */
  readonly documents: readonly string[];
  /** The sources a document is made from now (the report's, or a working document's). */
  readonly sourcesOf: (document: string | null) => readonly BaseFile[];
}

/** The base of an edited copy; a file that is not a full edition of this meeting is refused, saying what it is. */
export async function resolveBase(parts: Readonly<Record<string, string | undefined>>, current: Current, options: { readonly baseIsCurrent: boolean; readonly env?: NodeJS.ProcessEnv }): Promise<ResolvedBase> {
  let record: ReadBase | null = null;
  for (const [name, xml] of Object.entries(parts)) {
    if (!/^customXml\/item\d+\.xml$/.test(name) || xml === undefined) continue;
    try {
      record = readBasePart(xml) ?? record;
    } catch (e) {
      if (e instanceof DamagedBase) throw new RefusedDocx(`the file's build record is damaged: ${e.message}; import a copy of the DOCX acta wrote, or rebuild and send it again`);
      throw e;
    }
  }
  const properties = readBuildProperties(parts['docProps/custom.xml']);
  if (!record && properties.build === null) {
    throw new RefusedDocx(`the file is not a DOCX acta built (it has no build record); expected the full edition of ${current.symbol} as acta wrote it (\`${current.symbol}.docx\`), edited in Word or LibreOffice`);
  }
  const identity = record?.identity ?? properties.identity;
  if (identity) refuseOtherFiles(identity, current);
  if (record?.files) return { identity: record.identity, build: record.build, files: record.files, from: 'file' };

  const build = record?.build ?? properties.build!;
  const kept = await recallBase(build, options.env);
  if (kept && identity) return { identity, build, files: kept.files, from: 'cache' };
  if (options.baseIsCurrent && identity) {
    const files = current.sourcesOf(identity.document);
    const sources = record?.sources ?? properties.sources;
    if (sources !== null && sourcesHashOf(files) === sources) return { identity, build, files, from: 'current' };
    throw new RefusedDocx(
      `the Markdown has changed since the file was built (build ${build}), so it cannot stand for the file's base; import the file on the computer that built it, or send the reviewer a copy built from the Markdown as it is now`,
    );
  }
  throw new RefusedDocx(
    `the file no longer carries the Markdown it was built from (its build record was removed, as some editors do), and no copy of its build ${build} is kept on this computer; if the Markdown has not changed since that build, run the import again with --base-is-current`,
  );
}

/** Refuses a public edition, an accepted copy, an annex or agenda alone, another meeting's file or an unknown document. */
function refuseOtherFiles(identity: BaseIdentity, current: Current): void {
  const full = identity.document === null ? `${current.symbol}.docx` : `documents/${identity.symbol}.docx`;
  const what = identity.document === null ? `the report ${identity.symbol}` : `the working document ${identity.symbol}`;
  if (identity.meeting !== current.symbol) {
    throw new RefusedDocx(`the file is a DOCX of the meeting ${identity.meeting}, not of this one (${current.symbol}); import it into the folder of ${identity.meeting}`);
  }
  if (identity.document !== null && !current.documents.includes(identity.document)) {
    throw new RefusedDocx(`the file is the working document ${identity.symbol}, which this meeting no longer has (no document with the id \`${identity.document}\`); restore the document's Markdown first`);
  }
  if (identity.part === 'annex') throw new RefusedDocx(`the file is one annex of ${what} on its own; import the full edition (\`${full}\`), which holds every annex`);
  if (identity.part === 'agenda') throw new RefusedDocx(`the file is the agenda of ${what} on its own; import the full edition (\`${full}\`)`);
  if (identity.edition === 'public') throw new RefusedDocx(`the file is the public edition of ${what}; import the full edition (\`${full}\`), which holds every paragraph`);
  if (identity.edition === 'accepted') throw new RefusedDocx(`the file is the copy of ${what} with its changes accepted; import the full edition (\`${full}\`), which shows the changes`);
}
