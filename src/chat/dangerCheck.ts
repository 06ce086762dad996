/**
 * The chat's second stage of safety: a message in the grey zone (some evidence of danger, below the
 * emergency) gets what it asked for and « Êtes-vous en danger en ce moment ? Si oui, appelez le
 * 3919 (gratuit, 24 h/24). » with « Oui, je suis en danger » / « Non ». « Oui » (the button, or the
 * word) is the emergency of that kind; « Non » lets the conversation go on; anything else is read as
 * a new message.
 */
import { yesOrNo } from '../voice/understand';
import type { ChatInput, ChatReply } from './chatState';

/** Button values of the question (never a menu key, so they cannot be mistaken for an answer of the flow). */
export const DANGER_YES = 'danger:oui';
export const DANGER_NO = 'danger:non';

/** The answer to the question: yes, no, or null when the person wrote something else. */
export function checkAnswerOf(input: ChatInput, text: string): 'yes' | 'no' | null {
  const choice = input.choice?.trim();
  if (choice === DANGER_YES) return 'yes';
  if (choice === DANGER_NO) return 'no';
  if (choice) return null;
  return yesOrNo({ speech: text });
}

/** The question, its buttons last in the turn. */
export function checkQuestion(question: { text: string; yes: string; no: string }): ChatReply {
  return { kind: 'message', text: question.text, buttons: [{ title: question.yes, value: DANGER_YES }, { title: question.no, value: DANGER_NO }] };
}
