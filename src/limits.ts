// The documented limits on what acta reads (docs/format.md, "Limits"): past each, the input is refused at its
// place before it can cost more than linear time or unbounded memory, or reach a recursive writer too deep.

const MB = 1024 * 1024;

export const LIMITS = {
  /**
   * The Markdown of one meeting folder, every file together (meeting.md, items, annexes, working documents): 20
   * times the largest real report (the seed report's text is 0.18 MB, the flagship's folder 0.25 MB). Checked from
   * the files' sizes before any is read.
   */
  meetingBytes: 4 * MB,
  /**
   * What the Markdown reader makes of a meeting, counted: paragraphs, headings, list items, table cells, and the runs
   * of text and formatting in them (the flagship: 6,369; this is ten times as many). Every later stage's time and
   * memory follow it, not the size: 4 MB of one-line list items are 600,000 of them. docs/limits.md has the figures
   * the limit was chosen from.
   */
  meetingNodes: 64_000,
  /** Quotes, lists, `:::` blocks and footnote definitions inside one another (real reports: 2). */
  blockDepth: 32,
  /** Emphasis, links, tracked changes, comments and restricted spans inside one another (real reports: 2). */
  inlineDepth: 32,
  /**
   * Emphasis marks, brackets and braces opened and not yet closed in one paragraph, counted before the reader: four
   * times `inlineDepth`, room for marks that never close. The reader pairs them in time that grows with their number.
   */
  openMarks: 128,
  /**
   * The quote marks, list markers and indentation a line starts with, in columns (a tab counts as up to 4): what
   * 32 levels of quotes and lists take with generous indentation. Checked before the Markdown reader, whose time
   * per line grows with the containers a line is in.
   */
  linePrefix: 256,
  /**
   * Marks of emphasis, code, links and changes (`*` `_` `~` `` ` `` runs, `[` `]` `{` `}` `<`) in one paragraph or
   * table, lines up to a blank line (real reports: 45). The Markdown reader pairs them in time that grows with their
   * number times the paragraph's length.
   */
  marksPerBlock: 1000,
  /**
   * Backquote runs in one paragraph that open no code (CommonMark pairs a run with the next of its length): the reader
   * looks for each one's closer to the end of the paragraph, at about 0.4 µs a character.
   */
  unpairedBackquotes: 8,
  /**
   * Characters the reader goes through in one paragraph looking for the closers of those runs (from each run to the
   * paragraph's end): a second at most (eight runs at the start of a paragraph of 4 MB would be minutes and gigabytes).
   */
  backquoteSearch: 2_000_000,
  /** Lines in one file (the longest real report, whole in one file: 1,290). */
  fileLines: 40_000,
  /**
   * Lists, quotes and footnotes that end (a list inside a list counts), and headings underlined with `===` or `---`,
   * in one file (the flagship's files: 5 at most). At each, the Markdown reader rewrites its record of the file so
   * far, so its time grows with their number times the file's lines.
   */
  blockEnds: 1000,
  /** Footnotes defined in one meeting (the flagship has 5). */
  footnotes: 2000,
  /** Footnote calls (`[^key]`) in one meeting: the reader looks each up among the definitions of its file. */
  footnoteCalls: 10000,
  /** Cells in one table (the flagship's largest has 259). */
  tableCells: 5000,
  /** A Word document read as a whole (a reference document): far above any report's DOCX (the flagship's: under 1 MB). */
  wordBytes: 64 * MB,
  /** Elements inside one another in the XML of a Word document (Word's own parts: under 20). */
  xmlDepth: 100,
  /** One picture in a meeting's `images/` folder: a map or chart the width of a page is well under 1 MB as PNG. */
  pictureBytes: 10 * MB,
  /** Every picture of a meeting together: each is carried in every document that shows it. */
  picturesBytes: 40 * MB,
} as const;

/** A size in bytes as a person reads it, rounded up so a size past a limit never reads as the limit: "4 MB", "4.1 MB". */
export function formatMegabytes(bytes: number): string {
  const tenths = Math.ceil((bytes / MB) * 10);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)} MB`;
}
