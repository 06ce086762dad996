/**
 * The chat asks before it links a person's contacts: once they have left a phone number or an e-mail
 * for a callback, « Pouvons-nous garder un lien avec vos prochains appels pour mieux vous aider ? »
 * (Oui / Non). Only « oui » (the button, or the word) links; anything else is no.
 */
import { yesOrNo } from '../voice/understand';

/** Button values of the question (never a menu key, so they cannot be mistaken for an answer of the flow). */
export const LINK_YES = 'lien:oui';
export const LINK_NO = 'lien:non';

export const CONSENT_PROMPT_KEYS = { question: 'people.linkQuestion', kept: 'people.linkKept', notKept: 'people.linkNotKept' } as const;

/** The person's answer: yes, no, or null when they wrote something else (then nothing is linked). */
export function consentAnswer(choice: string | undefined, text: string): 'yes' | 'no' | null {
  if (choice === LINK_YES) return 'yes';
  if (choice === LINK_NO) return 'no';
  if (choice) return null;
  return yesOrNo({ speech: text });
}
