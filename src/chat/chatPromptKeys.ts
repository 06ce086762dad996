/**
 * The sentences only the chat says (prompts/fr/chat.yaml, read over the voice wording): with the
 * flow's own keys (src/voice/promptKeys.ts), every key the chat can need, so that the studio's proof
 * finds a missing one before a person does.
 */
import { CONSENT_PROMPT_KEYS } from '../people/chatConsent';

export const CHAT_PROMPT_KEYS: readonly string[] = [
  'chatHelp',
  'button.yes', 'button.no', 'button.otherContact', 'button.human', 'button.noCallback', 'button.skipDepartement',
  'chat.notSure', 'chat.notSureOffer', 'chat.alsoAsked', 'chat.seeAlso', 'chat.localOffers', 'chat.suggestions', 'chat.moreQuestions', 'chat.escalated', 'chat.whatNext',
  'chat.hoursOpen', 'chat.closedSeen', 'chat.departementQuestion', 'chat.departementHowTo', 'chat.departementNotFound',
  'chat.departementUnknown', 'chat.waitingAck', 'chat.advisorJoined', 'chat.advisorLeft', 'chat.error',
  'chat.greetingBack', 'chat.thanks', 'chat.questionNoted', 'chat.tooLong', 'chat.otherLanguage.fr',
  ...Object.values(CONSENT_PROMPT_KEYS),
];

