// The typed report model: what parse produces and number decorates. Every node keeps the exact
// source range it came from (file, start and end), through every transform. Its parts are
// declared in src/model/, a module each; the rest of acta imports them from here.

export type { Point, SourceRange } from './model/source.js';
export type { Inline, ImageInline, ImageFormat, Attribution, CommentReply } from './model/inline.js';
export type { PlainParagraph, ListItem, ListBlock, Align, TableCell, TableRow, TableBlock, QuoteBlock, CodeBlock, RuleBlock, HeadingBlock, Block } from './model/blocks.js';
export { LINK_RELATIONS } from './model/decision.js';
export type { LinkRelation, DecisionLink, Decision } from './model/decision.js';
export type { Paragraph, LooseBlock, Subitem, TypedLabel, SubitemGroup, TocBlock, Flow, Banner, TimetableEntry, Day, Item, Visibility, Orientation, Annex, Footnote } from './model/items.js';
export type { IssuedRecord, IssuedItem, IssuedParagraph, IssuedDecision, IssuedAnnex, SinceIssue, IssuedChange, IssueFacts } from './model/issued.js';
export type { DocumentMeta, WorkingDocument } from './model/documents.js';
export type { MeetingMeta, Report } from './model/report.js';
export type { DocumentTitles, ReportFacts, DocumentFacts } from './model/facts.js';
export type { TargetKind, Target, PlacedTarget, DocumentTarget, Elsewhere } from './model/targets.js';
export type { Range, NumberedParagraph, NumberedSubitem, NumberedItem, NumberedAnnex, NumberedFootnote, NumberedTree, NumberedDecision, NumberedReport } from './model/numbered.js';
export { dispatch } from './model/dispatch.js';
export { editionOfTree } from './model/edition.js';
export type { Edition, EditionLinks } from './model/edition.js';
export type { Handlers } from './model/dispatch.js';
