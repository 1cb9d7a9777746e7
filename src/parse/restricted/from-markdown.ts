// The mdast side of `:restricted[…]`: one node per span, with its position, and one for a marker left unpaired.

import type { Image, Parent, PhrasingContent } from 'mdast';
import type { CompileContext, Extension, Token } from 'mdast-util-from-markdown';

export interface RestrictedSpan extends Parent {
  type: 'restrictedSpan';
  children: PhrasingContent[];
}

/** `:restricted[` never closed in its paragraph, or a `]` that closes nothing after a span: kept as typed, reported. */
export interface RestrictedMarkerUnpaired {
  type: 'restrictedMarkerUnpaired';
  value: string;
  position?: Parent['position'];
}

declare module 'mdast' {
  interface RootContentMap {
    restrictedSpan: RestrictedSpan;
    restrictedMarkerUnpaired: RestrictedMarkerUnpaired;
  }
  interface PhrasingContentMap {
    restrictedSpan: RestrictedSpan;
    restrictedMarkerUnpaired: RestrictedMarkerUnpaired;
  }
  interface ImageData {
    /** A restricted span was inside the image's description, which Markdown flattens to plain text. */
    holdsRestricted?: boolean;
  }
}

export function restrictedFromMarkdown(): Extension {
  return {
    canContainEols: ['restrictedSpan'],
    enter: {
      restrictedSpan(this: CompileContext, token: Token) {
        // An image's description is kept as plain text, which would print the span's words.
        for (const node of this.stack) if (node.type === 'image') (node as Image).data = { ...(node as Image).data, holdsRestricted: true };
        this.enter({ type: 'restrictedSpan', children: [] } as never, token);
      },
      restrictedMarkerUnpaired(this: CompileContext, token: Token) {
        this.enter({ type: 'restrictedMarkerUnpaired', value: this.sliceSerialize(token) } as never, token);
      },
    },
    exit: {
      restrictedSpan(this: CompileContext, token: Token) {
        this.exit(token);
      },
      restrictedMarkerUnpaired(this: CompileContext, token: Token) {
        this.exit(token);
      },
    },
  };
}
