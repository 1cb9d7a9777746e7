// The mdast side of CriticMarkup: one node per change, comment and highlight, each with its position.

import type { Parent, PhrasingContent } from 'mdast';
import type { CompileContext, Extension, Token } from 'mdast-util-from-markdown';

export interface CriticInsert extends Parent {
  type: 'criticInsert';
  children: PhrasingContent[];
}
export interface CriticDelete extends Parent {
  type: 'criticDelete';
  children: PhrasingContent[];
}
/** `{~~old~>new~~}`: always two children, the old text then the new. */
export interface CriticSubstitute extends Parent {
  type: 'criticSubstitute';
  children: [CriticOld, CriticNew];
}
export interface CriticOld extends Parent {
  type: 'criticOld';
  children: PhrasingContent[];
}
export interface CriticNew extends Parent {
  type: 'criticNew';
  children: PhrasingContent[];
}
export interface CriticHighlight extends Parent {
  type: 'criticHighlight';
  children: PhrasingContent[];
}
export interface CriticComment extends Parent {
  type: 'criticComment';
  children: PhrasingContent[];
}
/** An opening marker with no closer in its paragraph (or across emphasis or a link): kept as typed. */
export interface CriticMarkerUnpaired {
  type: 'criticMarkerUnpaired';
  value: string;
  position?: Parent['position'];
}

/** The nodes CriticMarkup adds, wherever mdast allows phrasing content. */
interface CriticContentMap {
  criticInsert: CriticInsert;
  criticDelete: CriticDelete;
  criticSubstitute: CriticSubstitute;
  criticOld: CriticOld;
  criticNew: CriticNew;
  criticHighlight: CriticHighlight;
  criticComment: CriticComment;
  criticMarkerUnpaired: CriticMarkerUnpaired;
}

declare module 'mdast' {
  interface RootContentMap extends CriticContentMap {}
  interface PhrasingContentMap extends CriticContentMap {}
}

const PARENTS = ['criticInsert', 'criticDelete', 'criticSubstitute', 'criticOld', 'criticNew', 'criticHighlight', 'criticComment'] as const;

export function criticFromMarkdown(): Extension {
  const enter: Extension['enter'] = {};
  const exit: Extension['exit'] = {};
  for (const type of PARENTS) {
    enter[type] = function (this: CompileContext, token: Token) {
      this.enter({ type, children: [] } as never, token);
    };
    exit[type] = function (this: CompileContext, token: Token) {
      this.exit(token);
    };
  }
  enter.criticMarkerUnpaired = function (this: CompileContext, token: Token) {
    this.enter({ type: 'criticMarkerUnpaired', value: this.sliceSerialize(token) } as never, token);
  };
  exit.criticMarkerUnpaired = function (this: CompileContext, token: Token) {
    this.exit(token);
  };
  return { canContainEols: [...PARENTS], enter, exit };
}
