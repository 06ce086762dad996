/**
 * The messages our side shows in Web Chat, as Bot Framework activities: the robot's sentences and the
 * advisor's messages, in markdown (src/chat/markdown.ts: the text reads as written, web addresses are
 * links). An advisor's message says who writes: their first name and « Conseiller », in `from.name`
 * and in the schema.org Message entity Web Chat shows beside the time of each message (its
 * « originator »); the robot's messages carry none, so the two look different.
 */
import type { ChatOutgoingActivity } from './channel';
import { plainToMarkdown } from './markdown';

/** The sender id of advisors' messages (the relay's transcript tells them from the robot's by it). */
export const ADVISOR_SENDER_ID = 'advisor';
export const ADVISOR_TITLE = 'Conseiller';

/** « Alice, Conseiller », or « Conseiller » when the first name is not known. */
export function advisorLabel(firstName: string | undefined): string {
  return firstName ? `${firstName}, ${ADVISOR_TITLE}` : ADVISOR_TITLE;
}

/** The text part of a message activity (robot or advisor). */
export function markdownMessage(text: string): { type: 'message'; text: string; textFormat: 'markdown'; locale: 'fr-FR' } {
  return { type: 'message', text: plainToMarkdown(text), textFormat: 'markdown', locale: 'fr-FR' };
}

/** An advisor's message, signed with their first name and « Conseiller ». */
export function advisorMessage(text: string, firstName: string | undefined): ChatOutgoingActivity {
  const label = advisorLabel(firstName);
  return {
    ...markdownMessage(text),
    from: { id: ADVISOR_SENDER_ID, name: label },
    entities: [
      {
        type: 'https://schema.org/Message',
        '@context': 'https://schema.org',
        '@id': '',
        '@type': 'Message',
        // Web Chat 4.18 shows the interpreter of the first claim as the message's originator.
        citation: [{ '@type': 'Claim', claimInterpreter: { '@type': 'Project', name: label } }],
      },
    ],
  };
}
