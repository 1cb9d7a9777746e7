// Inline content: text and its marks, links and references, footnote calls, tracked changes and comments, pictures.

import type { SourceRange } from './source.js';

export type Inline =
  | { readonly type: 'text'; readonly value: string; readonly range: SourceRange }
  | { readonly type: 'emphasis' | 'strong' | 'strike'; readonly children: readonly Inline[]; readonly range: SourceRange }
  | { readonly type: 'code'; readonly value: string; readonly range: SourceRange }
  | { readonly type: 'break'; readonly range: SourceRange }
  /** An external link (http, https, mailto). */
  | { readonly type: 'link'; readonly url: string; readonly children: readonly Inline[]; readonly range: SourceRange }
  /** `[](#id)` (children empty: print the target's label) or `[words](#id)`. */
  | { readonly type: 'ref'; readonly id: string; readonly children: readonly Inline[]; readonly range: SourceRange }
  /** A GFM footnote call; `key` is unique across the meeting. */
  | { readonly type: 'footnote'; readonly key: string; readonly range: SourceRange }
  /** CriticMarkup: tracked insertion or deletion, with who made it and when when the Markdown says (`{by="…" at="…"}`). */
  | { readonly type: 'ins' | 'del'; readonly children: readonly Inline[]; readonly by?: Attribution; readonly range: SourceRange }
  /**
   * CriticMarkup `{==words==}{>>[Author] text<<}`: `children` are the highlighted words (empty for a
   * comment at a point), printed as ordinary text; `body` is null for a highlight with no comment.
   * `{at="…" done}` after it gives its date and marks it resolved; `{>>…<<}{reply}` after it answers it.
   */
  | {
      readonly type: 'comment';
      readonly children: readonly Inline[];
      readonly author: string | null;
      readonly body: readonly Inline[] | null;
      readonly date?: string;
      readonly done?: boolean;
      readonly replies?: readonly CommentReply[];
      readonly range: SourceRange;
    }
  /** `:restricted[…]` */
  | { readonly type: 'restricted'; readonly children: readonly Inline[]; readonly range: SourceRange }
  /** `![description](images/map.png)`: a picture from the meeting's folder. */
  | ImageInline;

/** A picture, read from the meeting folder and carried in the model: its bytes travel with the text they belong to. */
export interface ImageInline {
  readonly type: 'image';
  /** The description (alt text), as typed. */
  readonly alt: string;
  /** The file, relative to the meeting folder with `/`: `images/map.png`. */
  readonly src: string;
  readonly format: ImageFormat;
  /** Its size in pixels (an SVG's in CSS pixels). */
  readonly width: number;
  readonly height: number;
  /** The file's bytes, in base64; `digest` is their SHA-256, in hexadecimal. */
  readonly data: string;
  readonly digest: string;
  readonly range: SourceRange;
}

export type ImageFormat = 'png' | 'jpeg' | 'svg';

/** Who made a tracked change and when (an ISO date, or date and time), as `{by="…" at="…"}` after it says. */
export interface Attribution {
  readonly author?: string;
  readonly date?: string;
  /** "Delegate of Japan, 1 December 2026": set by number, for the renderers to print. */
  readonly label?: string;
}

/** A reply to a comment: `{>>[Author] text<<}{reply at="…"}` right after the comment it answers. */
export interface CommentReply {
  readonly author: string | null;
  readonly body: readonly Inline[];
  readonly date?: string;
  readonly range: SourceRange;
}
