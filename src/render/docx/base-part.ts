// The base a DOCX carries: what it is (which meeting, document, edition), the build id, and, in a full edition, the
// exact Markdown it was built from and the writer's map of its paragraphs, compressed into a custom XML part (Word and
// LibreOffice keep custom XML parts when they save). `acta import` merges a reviewer's copy three ways from it.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { sha256 } from '../../hash.js';
import type { Edition } from '../../model.js';
import { escapeXml } from '../../xml.js';
import type { Origin } from './origins.js';
import type { DocumentParts } from './package-xml.js';

/** A source file of the meeting, by its path relative to the meeting folder (with `/`). */
export interface BaseFile {
  readonly path: string;
  readonly text: string;
}

/** What a DOCX is: the meeting, the document in it, the part and the edition. */
export interface BaseIdentity {
  /** The meeting's (the report's) symbol. */
  readonly meeting: string;
  /** The working document's id, null for the report. */
  readonly document: string | null;
  /** The symbol printed on this file. */
  readonly symbol: string;
  readonly part: 'report' | 'annex' | 'agenda';
  readonly edition: Edition;
}

export interface BuildBase {
  readonly identity: BaseIdentity;
  /** The hash of the sources this output was made from (those of its document). */
  readonly sources: string;
  /** The build id: the identity, the sources, the options that shape the DOCX and acta's version, hashed. */
  readonly build: string;
  /** The sources themselves: carried by full editions of the report and of working documents only. */
  readonly files: readonly BaseFile[] | null;
}

export const BASE_NAMESPACE = 'urn:acta:base:1';
/** The custom document properties (File › Properties › Custom) that name a build when the part is gone. */
export const BUILD_PROPERTY = 'acta build';
export const SOURCES_PROPERTY = 'acta sources';
export const FILE_PROPERTY = 'acta file';

/** The custom properties of a DOCX acta writes: its build, its sources' hash, and what it is. */
export function buildProperties(base: BuildBase): { readonly name: string; readonly value: string }[] {
  return [
    { name: BUILD_PROPERTY, value: base.build },
    { name: SOURCES_PROPERTY, value: base.sources },
    { name: FILE_PROPERTY, value: JSON.stringify(base.identity) },
  ];
}

/** The hash of a set of sources: paths and texts, in path order. */
export function sourcesHashOf(files: readonly BaseFile[]): string {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return sha256(JSON.stringify(sorted.map((f) => [f.path, f.text])));
}

export function buildIdOf(identity: BaseIdentity, sources: string, shape: { readonly version: string; readonly referenceStyles?: string }): string {
  const styles = shape.referenceStyles === undefined ? null : sha256(shape.referenceStyles);
  return sha256(JSON.stringify({ identity, sources, version: shape.version, styles })).slice(0, 32);
}

export function makeBase(identity: BaseIdentity, files: readonly BaseFile[], embed: boolean, shape: { readonly version: string; readonly referenceStyles?: string }): BuildBase {
  const sources = sourcesHashOf(files);
  return { identity, sources, build: buildIdOf(identity, sources, shape), files: embed ? files : null };
}

/** The map kept in the part: per origin, its kind and source span (file index, start, end), enough to tell two writers apart. */
function mapOf(origins: readonly Origin[], files: readonly BaseFile[]): (string | number)[][] {
  const index = new Map(files.map((f, i) => [f.path, i]));
  return origins.map((o) => {
    const file = o.span ? [...index].find(([p]) => o.span!.file === p || o.span!.file.endsWith(`/${p}`))?.[1] ?? -1 : -1;
    return o.span ? [o.kind, file, o.span.start, o.span.end] : [o.kind];
  });
}

const encode = (value: unknown) => Buffer.from(deflateSync(strToU8(JSON.stringify(value)), { level: 9 })).toString('base64');

/** A GUID made from the build id, so the same build gives the same bytes. */
function guidOf(build: string): string {
  const h = sha256(`item ${build}`).toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}

/** The custom XML item and its properties, related to the main document as Word relates its own. */
export type BaseParts = DocumentParts;

/** The custom XML item holding the base, with its properties part, its relationship and its content type. */
export function baseParts(base: BuildBase, origins: readonly Origin[]): BaseParts {
  const id = base.identity;
  const attributes = [
    `xmlns:acta="${BASE_NAMESPACE}"`,
    `build="${base.build}"`,
    `sources="${base.sources}"`,
    `meeting="${escapeXml(id.meeting)}"`,
    `symbol="${escapeXml(id.symbol)}"`,
    ...(id.document !== null ? [`document="${escapeXml(id.document)}"`] : []),
    `part="${id.part}"`,
    `edition="${id.edition}"`,
  ].join(' ');
  const body = base.files
    ? `<acta:files encoding="deflate+base64">${encode(base.files.map((f) => [f.path, f.text]))}</acta:files><acta:map encoding="deflate+base64">${encode(mapOf(origins, base.files))}</acta:map>`
    : '';
  const item = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<acta:base ${attributes}>${body}</acta:base>`;
  const props = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${guidOf(base.build)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${BASE_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`;
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>';
  return {
    files: { 'customXml/item1.xml': item, 'customXml/itemProps1.xml': props, 'customXml/_rels/item1.xml.rels': rels },
    relationship: { id: 'rIdActaBase', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml', target: '../customXml/item1.xml' },
    contentTypes: [{ partName: '/customXml/itemProps1.xml', contentType: 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml' }],
  };
}

// ---- reading ----------------------------------------------------------------------------------------------------

/** The sources a part may unpack to: far above any meeting (the flagship's are 0.25 MB). */
export const BASE_LIMIT = 64 * 1024 * 1024;

/** What a DOCX says it is and was built from, as read back; `files` null when it carries none. */
export interface ReadBase {
  readonly build: string;
  readonly sources: string;
  readonly identity: BaseIdentity;
  readonly files: readonly BaseFile[] | null;
  readonly map: readonly (readonly (string | number)[])[] | null;
}

/** A base that is there but cannot be read: damaged, cut short, or not what acta writes. */
export class DamagedBase extends Error {}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: false, processEntities: true, htmlEntities: false, parseTagValue: false, trimValues: true });

/** The root element of acta's namespace, whatever prefix a tool that saved the file gave it, with that prefix. */
function baseRoot(parsed: Record<string, unknown>): { readonly root: Record<string, unknown>; readonly prefix: string } | null {
  for (const [name, value] of Object.entries(parsed)) {
    const m = /^(?:([\w.-]+):)?base$/.exec(name);
    if (!m || typeof value !== 'object' || value === null) continue;
    const root = value as Record<string, unknown>;
    const prefix = m[1] ?? '';
    if (root[prefix ? `xmlns:${prefix}` : 'xmlns'] === BASE_NAMESPACE) return { root, prefix: prefix ? `${prefix}:` : '' };
  }
  return null;
}

/** The base in a custom XML item's text, or null when the item is not acta's. */
export function readBasePart(xml: string): ReadBase | null {
  if (!xml.includes(BASE_NAMESPACE)) return null;
  if (/<!DOCTYPE|<!ENTITY/i.test(xml) || XMLValidator.validate(xml) !== true) throw new DamagedBase('its build record is not well-formed XML');
  const found = baseRoot(parser.parse(xml) as Record<string, unknown>);
  if (!found) return null;
  const { root, prefix } = found;
  const text = (name: string) => (typeof root[name] === 'string' ? (root[name] as string) : '');
  const part = text('part');
  const edition = text('edition');
  if (!/^[0-9a-f]{32}$/.test(text('build')) || !/^[0-9a-f]{64}$/.test(text('sources')) || !['report', 'annex', 'agenda'].includes(part) || !['full', 'accepted', 'public'].includes(edition)) {
    throw new DamagedBase('its build record lacks the build id, the hash of its sources, or what the file is');
  }
  const identity: BaseIdentity = {
    meeting: text('meeting'),
    document: root['document'] === undefined ? null : text('document'),
    symbol: text('symbol'),
    part: part as BaseIdentity['part'],
    edition: edition as Edition,
  };
  const payload = (name: string): unknown => {
    const node = root[`${prefix}${name}`] as Record<string, unknown> | string | undefined;
    const value = typeof node === 'string' ? node : typeof node?.['#text'] === 'string' ? (node['#text'] as string) : null;
    return value === null ? null : decode(value);
  };
  const rawFiles = payload('files');
  const rawMap = payload('map');
  let files: BaseFile[] | null = null;
  if (rawFiles !== null) {
    if (!Array.isArray(rawFiles) || !rawFiles.every((f) => Array.isArray(f) && f.length === 2 && typeof f[0] === 'string' && typeof f[1] === 'string' && safePath(f[0]))) {
      throw new DamagedBase('the sources it carries are not a list of the meeting\'s files');
    }
    files = rawFiles.map(([p, t]) => ({ path: p as string, text: t as string }));
    if (sourcesHashOf(files) !== text('sources')) throw new DamagedBase('the sources it carries are not those its build record names (the file was altered)');
  }
  const map = Array.isArray(rawMap) ? (rawMap as (string | number)[][]) : null;
  return { build: text('build'), sources: text('sources'), identity, files, map };
}

/** A relative path inside the meeting folder, with `/`. */
function safePath(p: string): boolean {
  return p.length > 0 && !p.startsWith('/') && !p.includes('\\') && !p.split('/').some((s) => s === '..' || s === '' || s === '.') && !/^[a-zA-Z]:/.test(p);
}

/** Base64 of deflated JSON, inflated with a running cap: the size is never taken from the file's word. */
function decode(value: string): unknown {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(value)) throw new DamagedBase('its build record holds text that is not base64');
  const bytes = Buffer.from(value.replace(/\s+/g, ''), 'base64');
  const chunks: Uint8Array[] = [];
  let size = 0;
  let failed = false;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > BASE_LIMIT) failed = true;
    else chunks.push(chunk);
  });
  try {
    for (let i = 0; i < bytes.length && !failed; i += 65536) inflate.push(bytes.subarray(i, i + 65536), i + 65536 >= bytes.length);
  } catch {
    throw new DamagedBase('its build record is damaged (it does not unpack)');
  }
  if (failed) throw new DamagedBase(`its build record unpacks to more than ${BASE_LIMIT / 1024 / 1024} MB, far more than any meeting`);
  try {
    return JSON.parse(strFromU8(Buffer.concat(chunks)));
  } catch {
    throw new DamagedBase('its build record is damaged (its contents are not readable)');
  }
}

/** The build id and sources hash in the custom properties part, when the part holding the base is gone. */
export function readBuildProperties(customXml: string | undefined): { readonly build: string | null; readonly sources: string | null; readonly identity: BaseIdentity | null } {
  const none = { build: null, sources: null, identity: null };
  if (customXml === undefined || /<!DOCTYPE|<!ENTITY/i.test(customXml) || XMLValidator.validate(customXml) !== true) return none;
  const root = (parser.parse(customXml) as { Properties?: { property?: unknown } }).Properties;
  const list = root?.property === undefined ? [] : Array.isArray(root.property) ? root.property : [root.property];
  const lpwstr = (p: Record<string, unknown>) => p['vt:lpwstr'] ?? Object.entries(p).find(([k]) => k.endsWith(':lpwstr'))?.[1];
  const text = (name: string) => {
    const found = list.find((p): p is Record<string, unknown> => typeof p === 'object' && p !== null && (p as Record<string, unknown>)['name'] === name);
    const value = found ? lpwstr(found) : undefined;
    return typeof value === 'string' ? value : null;
  };
  const hex = (name: string) => {
    const value = text(name);
    return value !== null && /^[0-9a-f]+$/.test(value) ? value : null;
  };
  return { build: hex(BUILD_PROPERTY), sources: hex(SOURCES_PROPERTY), identity: identityOf(text(FILE_PROPERTY)) };
}

function identityOf(json: string | null): BaseIdentity | null {
  if (json === null) return null;
  try {
    const v = JSON.parse(json) as Record<string, unknown>;
    const ok =
      typeof v['meeting'] === 'string' &&
      typeof v['symbol'] === 'string' &&
      (v['document'] === null || typeof v['document'] === 'string') &&
      ['report', 'annex', 'agenda'].includes(v['part'] as string) &&
      ['full', 'accepted', 'public'].includes(v['edition'] as string);
    return ok ? (v as unknown as BaseIdentity) : null;
  } catch {
    return null;
  }
}
