/**
 * The bot's turn when nobody else has the conversation: a button pressed, or free text listened to
 * at the question the conversation is on (listening.ts) — an answer from the FAQ, a step of the
 * orientation, a greeting returned, another language, a human after two messages not understood —
 * and the answer to the consent question after a callback.
 */
import { CONSENT_PROMPT_KEYS, consentAnswer } from '../people/chatConsent';
import { advance, answerDepartement } from './chatFlow';
import { HUMAN_VALUE, type ChatButton } from './chatRenderer';
import { isMenu, menu, MISSES_BEFORE_HUMAN, reask, say, type ChatStep } from './chatRuntime';
import type { ChatInput, ChatReply } from './chatState';
import { listen, type MenuReaction } from './listening';

/** Questions whose answer may sit inside a sentence: a place, a phone number, an e-mail address. */
const LOOKS_INSIDE = new Set(['postcode', 'chooseDepartement', 'callbackEntry']);

export async function botTurn(step: ChatStep, input: ChatInput, text: string): Promise<ChatReply[]> {
  const { chat, rt, deps } = step;
  if (chat.pendingHandoff) return answerDepartement(step, chat.pendingHandoff, input, text);
  const choice = input.choice?.trim();
  if (choice?.startsWith('faq:')) return answer(step, choice.slice(4));
  if (choice === HUMAN_VALUE) return advance(step, { type: 'TO_HUMAN', at: input.at, reason: 'asked' });
  if (choice) return advance(step, { type: 'INPUT', at: input.at, digits: choice });
  if (text === '') return menu(step);

  // Free text: listened to at the question the conversation is on (see listening.ts). The same
  // words get the same reaction while the question stays the same: each is worked out once.
  const reactions = new Map<string, MenuReaction>();
  // The question the conversation is on, restored once for every trial of this message's words.
  const restored = isMenu(chat.value) ? rt.pure.restore(chat.value, chat.context) : null;
  const heard = listen(text, {
    react: (words) => {
      let reaction = reactions.get(words);
      if (reaction === undefined) {
        reaction = restored === null ? 'nothing' : react(step, restored, words, input.at);
        reactions.set(words, reaction);
      }
      return reaction;
    },
    looksInside: LOOKS_INSIDE.has(chat.value),
    knowledge: { match: matchedOnce(rt.knowledge) },
    language: rt.language,
  });
  if (heard.otherLanguage) return [inOtherLanguage(step, heard.otherLanguage), ...reask(step)];
  if (heard.courtesy.rest === '') {
    return [say(rt, heard.courtesy.thanked && !heard.courtesy.greeted ? 'chat.thanks' : 'chat.greetingBack'), ...reask(step)];
  }
  if (heard.menuInput !== null) {
    const found = heard.answerId ? await answerText(step, heard.answerId) : null;
    const next = await advance(step, { type: 'INPUT', at: input.at, speech: heard.menuInput });
    // A question answered on the way through a menu is an answer of the knowledge base too.
    if (found) deps.metrics.faqAnswered('answered');
    if (found) return [found, ...next];
    return heard.asked && chat.value !== 'connecting' ? [say(rt, 'chat.questionNoted'), ...next] : next;
  }
  if (heard.answerId) return answer(step, heard.answerId, heard.suggestions);
  if (heard.repeat) return menu(step);

  chat.misses += 1;
  deps.metrics.faqAnswered('not_sure');
  if (chat.misses >= MISSES_BEFORE_HUMAN) {
    return advance(step, { type: 'TO_HUMAN', at: input.at, reason: 'retries' });
  }
  const suggestions: ChatButton[] = heard.suggestions.slice(0, 3).map((entry) => ({ title: entry.title, value: `faq:${entry.id}` }));
  const notSure: ChatReply = {
    kind: 'message',
    text: `${rt.renderer.text({ key: 'chat.notSure' })} ${rt.renderer.text({ key: suggestions.length > 0 ? 'chat.suggestions' : 'chat.notSureOffer' })}`,
    buttons: [...suggestions, { title: rt.renderer.text({ key: 'button.human' }), value: HUMAN_VALUE }],
  };
  return [notSure, ...menu(step)];
}

/**
 * The FAQ's reading of a text, worked out once per message: a message read whole and then clause by
 * clause (a one-clause question the FAQ is not sure of) or a clause and its rest reads some texts twice.
 */
function matchedOnce(knowledge: ChatStep['rt']['knowledge']): ChatStep['rt']['knowledge']['match'] {
  const read = new Map<string, ReturnType<ChatStep['rt']['knowledge']['match']>>();
  return (text) => {
    let match = read.get(text);
    if (match === undefined) {
      match = knowledge.match(text);
      read.set(text, match);
    }
    return match;
  };
}

/** What the flow would do with these words at its current question (`restored`: a menu); nothing is changed. */
function react({ chat, rt }: ChatStep, restored: ReturnType<ChatStep['rt']['pure']['restore']>, words: string, at: string): MenuReaction {
  const [next] = rt.pure.transition(restored, { type: 'INPUT', at, speech: words });
  const value = String(next.value);
  if (value === 'connecting') return 'human';
  if (value !== chat.value) return 'moves';
  return next.context.lastProblem === null ? 'repeat' : 'nothing';
}

/** A short answer in French and in the person's language: the phone number and a human. */
function inOtherLanguage({ rt }: ChatStep, language: string): ChatReply {
  const text = [rt.renderer.text({ key: 'chat.otherLanguage.fr' }), rt.renderer.text({ key: `chat.otherLanguage.${language}` })].join('\n\n');
  return { kind: 'message', text, buttons: [{ title: rt.renderer.text({ key: 'button.human' }), value: HUMAN_VALUE }] };
}

async function answerText({ chat, rt }: ChatStep, entryId: string): Promise<ChatReply | null> {
  const text = await rt.knowledge.answer(entryId, chat.context.departement);
  return text === null ? null : { kind: 'message', text, buttons: [] };
}

/** At most this many « voir aussi » buttons after an answer. */
const SEE_ALSO_BUTTONS = 2;

/** The answer, the other subject the message was about when there is one, then the question the conversation was on, briefly. */
async function answer(step: ChatStep, entryId: string, offered: ReadonlyArray<{ id: string; title: string }> = []): Promise<ChatReply[]> {
  const found = await answerText(step, entryId);
  if (found === null) return menu(step);
  step.deps.metrics.faqAnswered('answered');
  step.chat.misses = 0;
  const also = offered.filter((entry) => entry.id !== entryId).slice(0, 1);
  const alsoAsked: ChatReply[] = also.map((entry) => ({ ...say(step.rt, 'chat.alsoAsked'), buttons: [{ title: entry.title, value: `faq:${entry.id}` }] }));
  // The entries people often mean instead (the entry's seeAlso), unless just offered.
  const siblings = step.rt.knowledge.seeAlso(entryId).filter((entry) => entry.id !== entryId && !also.some((other) => other.id === entry.id));
  const seeAlso: ChatReply[] =
    siblings.length === 0 ? [] : [{ kind: 'message', text: step.rt.renderer.text({ key: 'chat.seeAlso' }), buttons: siblings.slice(0, SEE_ALSO_BUTTONS).map((entry) => ({ title: entry.title, value: `faq:${entry.id}` })) }];
  return [found, ...alsoAsked, ...seeAlso, say(step.rt, 'chat.moreQuestions'), ...reask(step)];
}

/** Yes or no to the consent question (a message with words of danger never gets here: safety first). */
export function consentOf(input: ChatInput, text: string): 'yes' | 'no' | null {
  return consentAnswer(input.choice?.trim(), text);
}

/** The answer to the consent question: yes links this ticket to the person's other contacts. */
export async function consentGiven({ chat, rt, deps }: ChatStep, yes: boolean): Promise<ChatReply[]> {
  delete chat.linkConsent;
  const personKey = yes ? deps.people?.ofCallback(chat.context) ?? null : null;
  if (personKey !== null && chat.context.ticketRef) await deps.people?.linkTicket(chat.context.ticketRef, personKey);
  return [say(rt, personKey !== null ? CONSENT_PROMPT_KEYS.kept : CONSENT_PROMPT_KEYS.notKept)];
}
