// The one way acta opens a zip it did not write (an imported DOCX, a reference document): each entry it
// wants is inflated as a stream, fed a little at a time, with a running count of the bytes that come
// out. A zip's own sizes are never trusted: an entry that declares 1 kB and inflates to 4 GB is stopped
// within a few megabytes of the limit, in milliseconds.

import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';

/** A zip acta will not read, with the reason in a user's words. */
export class ZipRefused extends Error {}

export const NOT_A_ZIP = 'it is not a readable zip archive';

export interface ZipLimits {
  /** Entries in the archive, wanted or not. */
  readonly entries: number;
  /** Bytes one wanted entry may inflate to. */
  readonly entry: number;
  /** Bytes all wanted entries together may inflate to. */
  readonly total: number;
  /** A compression ratio no Word document reaches: an entry that declares more is refused unread. */
  readonly ratio?: number;
}

const MB = 1024 * 1024;
/** The compressed bytes fed at a time: deflate inflates at most about 1,000 to 1, so one step makes at most some 16 MB. */
const STEP = 16 * 1024;

/** An entry name that would point outside the archive (`../`, an absolute path, a drive, a backslash). */
const outside = (name: string) => /(^|[\\/])\.\.([\\/]|$)/.test(name) || /^([\\/]|[a-zA-Z]:)/.test(name) || name.includes('\\');

/**
 * The entries of `bytes` that `wanted` names, inflated within `limits`; throws ZipRefused for an archive
 * that exceeds them or names an entry outside itself. Bytes that hold no zip give no entries.
 */
export function readZip(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ZipLimits): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let entries = 0;
  let total = 0;
  // fflate catches what its callbacks throw: a refusal is kept here, the entry stopped, and the feeding ends.
  let refusal: ZipRefused | null = null;
  const refuse = (message: string) => {
    refusal ??= new ZipRefused(message);
  };
  const unzip = new Unzip((file) => {
    entries += 1;
    if (entries > limits.entries) return refuse(`the zip holds more than ${limits.entries} entries, which no Word document does`);
    if (outside(file.name)) return refuse(`the zip has an entry named \`${file.name}\` that points outside the document`);
    // Word stores or deflates: any other method is bytes that are not a zip (or not one of Word's).
    if (file.compression !== 0 && file.compression !== 8) return refuse(NOT_A_ZIP);
    // What an entry declares can refuse it at once (it is not trusted the other way: see ondata).
    const declared = file.originalSize ?? 0;
    if (declared > limits.entry) return refuse(`the entry \`${file.name}\` unpacks to more than ${Math.round(limits.entry / MB)} MB (a zip bomb?), far more than any report`);
    if (limits.ratio !== undefined && declared > MB && declared / Math.max(file.size ?? 0, 1) > limits.ratio) {
      return refuse(`the entry \`${file.name}\` is compressed ${Math.round(declared / Math.max(file.size ?? 0, 1))} to 1 (a zip bomb?), which Word never does`);
    }
    if (refusal !== null || !wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (refusal !== null) return;
      if (error) return refuse(`the entry \`${file.name}\` cannot be unpacked: the zip is damaged`);
      size += chunk.length;
      total += chunk.length;
      if (size > limits.entry) refuse(`the entry \`${file.name}\` unpacks to more than ${Math.round(limits.entry / MB)} MB (a zip bomb?), far more than any report`);
      else if (total > limits.total) refuse(`the zip unpacks to more than ${Math.round(limits.total / MB)} MB (a zip bomb?), far more than any report`);
      if (refusal !== null) {
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) out.set(file.name, concat(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let at = 0; at < bytes.length && refusal === null; at += STEP) unzip.push(bytes.subarray(at, Math.min(at + STEP, bytes.length)), at + STEP >= bytes.length);
  } catch {
    refuse(NOT_A_ZIP);
  }
  if (refusal !== null) throw refusal;
  if (entries === 0) throw new ZipRefused(NOT_A_ZIP);
  return out;
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
