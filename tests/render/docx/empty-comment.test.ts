// A resolved comment with no words (`{>>[Bob] <<}{done}`) is written like any other: Word reads its resolved state by
// its paragraph's id, which docx gives no empty paragraph.

import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { runBody } from '../../helpers.js';

describe('an empty resolved comment', () => {
  it('is packed with its paragraph id and its resolved state', async () => {
    const report = runBody('# Opening {#opening}\n\n*(For information)*\n\nThe Chair opened the meeting.{>>[Bob] <<}{done}\n').numbered!;
    const parts = unzipSync(await renderDocx(report));
    const comments = strFromU8(parts['word/comments.xml']!);
    const paraId = /<w:comment w:id="0"[^>]*><w:p w14:paraId="([0-9A-F]{8})"/.exec(comments)?.[1];
    expect(paraId).toBeDefined();
    expect(strFromU8(parts['word/commentsExtended.xml']!)).toContain(`<w15:commentEx w15:paraId="${paraId}" w15:done="1"/>`);
  });
});
