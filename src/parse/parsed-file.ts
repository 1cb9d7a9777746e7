// What every builder is given: a file as read, and the phrase that opens a list of decisions or actions.

import type { Root } from 'mdast';
import { expectedPhrase, leadPhraseMatcher, leadPhraseNearMiss } from '../i18n/lead-phrase.js';
import type { SourceFile } from '../load/load-meeting.js';
import type { DocumentProfile } from '../profiles.js';
import type { MeetingMeta } from '../model.js';
import type { FrontmatterSource } from './frontmatter.js';
import type { InlineContext } from './inline.js';

export interface ParsedFile {
  readonly file: SourceFile;
  readonly tree: Root;
  readonly ctx: InlineContext;
  readonly frontmatter: FrontmatterSource | null;
}

export interface LeadPhraseTools {
  readonly matches: (text: string) => boolean;
  readonly nearMiss: (text: string) => boolean;
  /** The phrase as this meeting expects it, for messages (null when the frontmatter could not be read). */
  readonly expected: string | null;
}

/** The phrase that opens a list of decisions or actions: the profile's, in the meeting's language, or the frontmatter's own. */
export function leadPhraseTools(profile: DocumentProfile, meta: MeetingMeta | null, override: string | null): LeadPhraseTools {
  const kind = profile.leadPhrase;
  const meeting = meta && { language: meta.language, short: meta.committee_short, committee: meta.committee, override };
  return {
    matches: leadPhraseMatcher(kind, meeting),
    nearMiss: meeting ? leadPhraseNearMiss(kind, meeting.language) : () => false,
    expected: meeting ? expectedPhrase(kind, meeting) : null,
  };
}
