// A small meeting to issue and then change: Item I with sub-items (a) and (b), Items II and III, ten paragraphs.

import { FRONTMATTER } from '../helpers.js';

export const P = {
  opened: 'The Chairperson opened the meeting and welcomed the delegates of the Members.',
  speech: 'The Secretary General addressed the Committee on the priorities of the year.',
  agenda: 'The Draft Agenda was adopted as presented by the Secretariat.',
  transit: 'The Secretariat presented the document on the regional transit workshops held this year. {#transit-intro}',
  systems: 'Several delegates described their national transit systems and the guarantees they require.',
  cites: 'A delegate recalled the workshops of paragraph [](#transit-intro) and asked for more of them.',
  closed: 'The Chairperson closed the meeting and thanked the interpreters for their work.',
} as const;

export interface Parts {
  readonly opening?: readonly string[];
  readonly adoption?: readonly string[];
  readonly transit?: readonly string[];
  readonly closing?: readonly string[];
  /** More sub-items of Item I, after (b). */
  readonly more?: string;
}

/** The meeting's text: Item I with sub-items (a) and (b), Item II, Item III, each with its decisions. */
export function meeting(parts: Parts = {}, status: 'issued' | null = null): string {
  const opening = parts.opening ?? [P.opened, P.speech];
  const adoption = parts.adoption ?? [P.agenda];
  const transit = parts.transit ?? [P.transit, P.systems, P.cites];
  const closing = parts.closing ?? [P.closed];
  const front = status ? FRONTMATTER.replace(/\n---\n$/, `\nstatus: ${status}\n---\n`) : FRONTMATTER;
  return `${front}
# Opening of the meeting {#opening}

## Opening speech {#speech}

${opening.join('\n\n')}

## Adoption of the agenda {#adoption}

${adoption.join('\n\n')}

In conclusion, the PTC:

- adopted the Draft Agenda.
${parts.more ?? ''}
# Transit {#transit}

${transit.join('\n\n')}

In conclusion, the PTC:

- took note of the update;
- encouraged Members to host workshops.

# Closing {#closing}

${closing.join('\n\n')}

In conclusion, the PTC:

- closed the session.
`;
}

