// The one content hash acta takes: SHA-256 in hex, for build ids, the sources a DOCX was built from, and cache keys.

import { createHash } from 'node:crypto';

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
