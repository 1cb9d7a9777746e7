// Which edition a numbered tree is, and the links to another document of the meeting that each edition's files hold.

/**
 * The full report (tracked changes and comments shown), the full report with its changes accepted
 * (--accept-changes: named apart, so it is never taken for the marked-up one), or the public version
 * (restricted content left out, changes always accepted, no comment).
 */
export type Edition = 'full' | 'accepted' | 'public';

/** The edition a numbered tree is, read off the flags the public filter and the accept step set. */
export function editionOfTree(tree: { readonly public: boolean; readonly accepted: boolean }): Edition {
  return tree.public ? 'public' : tree.accepted ? 'accepted' : 'full';
}

/** The relative link from one document's file to another's, in each edition, as a Word hyperlink and an HTML `href` hold it. */
export type EditionLinks = Readonly<Record<Edition, { readonly docx: string; readonly html: string }>>;
