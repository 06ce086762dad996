/**
 * The web chat's conversation, channel-neutral: the same orientation flow as the phone, plus
 * answers to simple questions, a safety net for words of danger, and a hand-off to a human advisor
 * with a pre-filled ticket. One message in, the replies out; the state lives in the store.
 * No botbuilder here: the bot (bot.ts) turns activities into ChatInput and ChatReply into activities.
 */
import type { Clock, KeyValueStore, Metrics } from '../domain/ports';
import type { DangerKind } from '../domain/vocabulary';
import type { StoreKeys } from '../storage/keys';
import type { TranscriptLine } from '../tickets/ticket';
import type { TicketStore } from '../tickets/ticket-store';
import type { CallContext, CallEvent, CallMachine } from '../voice/callMachine';
import { PureMachine } from '../voice/pureMachine';
import { ticketDraftFrom, type TicketEffect } from '../voice/ticketEffect';
import { turnFor, type Line, type TurnDeps } from '../voice/turn';
import type { WaitingRoom } from '../voice/waitingRoom';
import { HUMAN_VALUE, type ChatButton, type ChatMessage, type ChatRenderer } from './chatRenderer';
import { maskPersonalData, type DepartementsForPostcode } from '../tickets/personalData';
import type { LanguageGuesser } from './language';
import type { ChatKnowledge, ChatSafety } from './ports';
import { listen, type MenuReaction } from './listening';
import { firstCharacters } from './reading';
import { keepOnTicket, type TicketChanges } from './ticketTranscript';
import { CONSENT_PROMPT_KEYS, consentAnswer, LINK_NO, LINK_YES } from '../people/chatConsent';
import type { PersonLinks } from '../people/personLinks';

export interface ChatInput {
  conversationId: string;
  /** What the person wrote (or the title of the button they pressed). */
  text?: string;
  /** The value of a pressed button: a menu key, « 0 » for a human, « faq:<id> ». */
  choice?: string;
  at: string;
}

export type ChatReply =
  | { kind: 'message'; text: string; buttons: ChatButton[]; urgent?: boolean }
  /** Bot Framework hand-off: a contact centre (or our advisor console) takes the conversation. */
  | { kind: 'handoff'; ticketRef: string; context: HandoffContext; transcript: TranscriptLine[] };

export interface HandoffContext {
  ticketRef: string;
  departement: string | null;
  territoryName: string | null;
  priority: 'normale' | 'prioritaire';
  profile: string | null;
  need: string | null;
  summary: string;
  queue: string;
}

export type { ChatKnowledge, ChatSafety } from './ports';

export interface ChatTurnsDeps {
  machine: CallMachine;
  turnDeps: TurnDeps;
  renderer: ChatRenderer;
  knowledge: ChatKnowledge;
  safety: ChatSafety;
  /** Tells a message in another language (one we have a sentence in) from French. */
  language: LanguageGuesser;
  store: KeyValueStore;
  keys: StoreKeys;
  tickets: TicketStore;
  waitingRoom: WaitingRoom;
  clock: Clock;
  /** The départements of a postcode, to keep the département instead of the postcode a person wrote. */
  departementsForPostcode: DepartementsForPostcode;
  /** Opening hours of a territory in words, for « what happens next ». */
  hoursInWords(departement: string | null): string | null;
  chatTtlSeconds: number;
  metrics: Metrics;
  /**
   * Told when the person writes while an advisor has (or will have) the conversation, once it is saved:
   * the consoles re-read the transcript. Never fails a turn.
   */
  onPersonWrote?(conversationId: string): void;
  /** Links a person's contacts once they agree (src/people); absent: the question is never asked. */
  people?: PersonLinks;
  /**
   * Told at once when the person writes words of danger, whatever the mode, once the ticket (if any)
   * is marked: the consoles alert the advisor. Gets the kind, never the words. Never fails a turn.
   */
  onDanger?(conversationId: string, kind: DangerKind): void;
}

export type ChatMode = 'bot' | 'waiting' | 'human';

interface StoredChat {
  v: 1;
  value: string;
  context: CallContext;
  mode: ChatMode;
  /** Messages in a row the bot did not understand. */
  misses: number;
  transcript: TranscriptLine[];
  acknowledged: boolean;
  danger: DangerKind | null;
  /** A hand-off waits for the département (one question), for these reasons; absent when none does. */
  pendingHandoff?: PendingHandoff | null;
  /** The département question was asked once in this conversation: it is not asked again. */
  departementAsked?: boolean;
  /** The person was asked whether their contacts may be linked (src/people/chatConsent.ts). */
  linkConsent?: 'asked';
}

interface PendingHandoff {
  reason: 'asked' | 'retries';
  /** Answers that named no département. */
  misses: number;
  /** A postcode shared by several départements: the ones to choose from. */
  candidates: string[];
}

/** The button that declines the département question: the hand-off goes to the national team. */
export const SKIP_DEPARTEMENT_VALUE = 'dep:none';
const DEPARTEMENT_CHOICE = 'dep:';
/** After a closed hand-off, the person answers the callback offer while the chat waits for advisors. */
const CALLBACK_OFFER_STATES = new Set(['closedOffer', 'callbackConfirm', 'callbackEntry']);

const TRANSCRIPT_LIMIT = 200;
const MISSES_BEFORE_HUMAN = 2;
/** The longest message read, in characters; the rest is not read and the person is told. */
export const MESSAGE_READ_CHARS = 10_000;
/** Questions whose answer may sit inside a sentence: a place, a phone number, an e-mail address. */
const LOOKS_INSIDE = new Set(['postcode', 'chooseDepartement', 'callbackEntry']);
/** Lines a question asked again goes without. */
const EXPLANATIONS = new Set(['postcode.howTo']);

/** The chat queue of a territory (advisors of that territory take its chats). */
export function chatQueueName(departement: string | null): string {
  return `chat-${departement ?? 'national'}`;
}

export class ChatTurns {
  private readonly pure: PureMachine;

  constructor(private readonly deps: ChatTurnsDeps) {
    this.pure = new PureMachine(deps.machine);
  }

  /** The conversation starts: welcome and the first question of the orientation. */
  async welcome(conversationId: string, at: string): Promise<ChatReply[]> {
    const existing = await this.load(conversationId);
    if (existing) return [];
    this.deps.metrics.chatStarted();
    const chat = this.initial(conversationId);
    const replies: ChatReply[] = [{ kind: 'message', text: `${this.deps.renderer.text({ key: 'welcome' })} ${this.deps.renderer.text({ key: 'chatHelp' })}`, buttons: [] }];
    replies.push(...this.menu(chat));
    this.remember(chat, replies, at);
    await this.save(conversationId, chat);
    return replies;
  }

  async message(input: ChatInput): Promise<ChatReply[]> {
    const chat = (await this.load(input.conversationId)) ?? this.initial(input.conversationId);
    const { text, cut } = firstCharacters((input.text ?? '').trim(), MESSAGE_READ_CHARS);
    if (text !== '') this.push(chat, { from: 'user', text: this.masked(text), at: input.at });

    // Safety first, in every state and every mode: the number at once, then the priority human.
    const danger = text ? this.deps.safety.detect(text) : null;
    let replies: ChatReply[];
    const offered = !danger && chat.mode === 'waiting' && CALLBACK_OFFER_STATES.has(chat.value) ? await this.callbackOffer(chat, input, text) : null;
    if (danger) {
      replies = await this.dangerTurn(chat, input, danger);
    } else if (offered) {
      replies = offered;
    } else if (chat.mode !== 'bot') {
      // An advisor has (or will have) the conversation: the bot stays quiet, the advisor reads it.
      replies = chat.acknowledged ? [] : [this.say('chat.waitingAck')];
      chat.acknowledged = true;
    } else if (chat.linkConsent === 'asked' && this.consentOf(input, text) !== null) {
      replies = await this.consentGiven(chat, this.consentOf(input, text) === 'yes');
    } else {
      delete chat.linkConsent; // anything else than yes or no: no consent, no link
      replies = await this.botTurn(chat, input, text);
      if (cut) replies.unshift(this.say('chat.tooLong', { max: MESSAGE_READ_CHARS.toLocaleString('fr-FR') }));
    }
    this.remember(chat, replies, input.at);
    await this.save(input.conversationId, chat);
    // With an advisor (or waiting for one), the ticket holds the conversation as it goes.
    if (chat.mode !== 'bot' && !danger) await this.updateTicket(input.conversationId, chat);
    if (danger) {
      try {
        this.deps.onDanger?.(input.conversationId, danger.kind);
      } catch {
        // A listener never fails the person's turn.
      }
    }
    if (chat.mode !== 'bot' && text !== '') {
      try {
        this.deps.onPersonWrote?.(input.conversationId);
      } catch {
        // A listener never fails the person's turn.
      }
    }
    return replies;
  }

  /** The current state, for the advisor relay. */
  async mode(conversationId: string): Promise<ChatMode | null> {
    return (await this.load(conversationId))?.mode ?? null;
  }

  /** An advisor takes the conversation (live chat) or hands it back to the bot. */
  async setMode(conversationId: string, mode: ChatMode): Promise<ChatReply[]> {
    const chat = await this.load(conversationId);
    if (!chat) return [];
    chat.mode = mode;
    chat.acknowledged = mode === 'human';
    const replies = mode === 'human' ? [this.say('chat.advisorJoined')] : mode === 'bot' ? [this.say('chat.advisorLeft')] : [];
    if (mode !== 'waiting') await this.deps.waitingRoom.leave(chatQueueName(chat.context.departement), conversationId);
    this.remember(chat, replies, this.deps.clock.now().toISOString());
    await this.save(conversationId, chat);
    // Taken or handed back: the ticket keeps the whole conversation (robot, person, advisor) so far.
    if (mode !== 'waiting') await this.updateTicket(conversationId, chat);
    return replies;
  }

  /** A line the advisor wrote (with their first name, when known), kept in the transcript and on the ticket (the channel delivers it). */
  async recordAdvisorLine(conversationId: string, text: string, advisorName?: string): Promise<boolean> {
    const chat = await this.load(conversationId);
    if (!chat) return false;
    this.push(chat, { from: 'advisor', text, at: this.deps.clock.now().toISOString(), ...(advisorName ? { name: advisorName } : {}) });
    await this.save(conversationId, chat);
    await this.updateTicket(conversationId, chat);
    return true;
  }

  async transcript(conversationId: string): Promise<TranscriptLine[] | null> {
    return (await this.load(conversationId))?.transcript ?? null;
  }

  /** A person's text as it may be kept or shown to advisors: contact details and postcodes masked. */
  masked(text: string): string {
    return maskPersonalData(text, this.deps.departementsForPostcode);
  }

  /**
   * Words of danger: the emergency numbers first. With the bot, a priority hand-off; when an advisor
   * has (or will have) the chat, the ticket becomes a priority naming the danger, and the bot says
   * nothing more than the numbers (the advisor is alerted by onDanger).
   */
  private async dangerTurn(chat: StoredChat, input: ChatInput, signal: { kind: DangerKind }): Promise<ChatReply[]> {
    const { kind } = signal;
    chat.danger = kind;
    this.deps.metrics.dangerDetected('chat', kind);
    const emergency: ChatReply = { kind: 'message', text: this.deps.safety.message(signal), buttons: [], urgent: true };
    if (chat.mode === 'bot') return [emergency, ...(await this.advance(chat, { type: 'URGENT', at: input.at }))];
    chat.context = { ...chat.context, priority: 'prioritaire' };
    chat.acknowledged = true;
    await this.updateTicket(input.conversationId, chat, { priority: 'prioritaire', danger: kind, summary: this.summary(chat) });
    return [emergency];
  }

  /** The ticket (once it exists) holds the conversation so far, and the changes given. */
  private updateTicket(conversationId: string, chat: StoredChat, changes?: TicketChanges): Promise<void> {
    return keepOnTicket(this.deps.tickets, conversationId, chat.transcript.slice(-TRANSCRIPT_LIMIT), changes);
  }

  private async botTurn(chat: StoredChat, input: ChatInput, text: string): Promise<ChatReply[]> {
    if (chat.pendingHandoff) return this.answerDepartement(chat, chat.pendingHandoff, input, text);
    const choice = input.choice?.trim();
    if (choice?.startsWith('faq:')) return this.answer(chat, choice.slice(4));
    if (choice === HUMAN_VALUE) return this.advance(chat, { type: 'TO_HUMAN', at: input.at, reason: 'asked' });
    if (choice) return this.advance(chat, { type: 'INPUT', at: input.at, digits: choice });
    if (text === '') return this.menu(chat);

    // Free text: listened to at the question the conversation is on (see listening.ts).
    const heard = listen(text, {
      react: (words) => this.react(chat, words, input.at),
      looksInside: LOOKS_INSIDE.has(chat.value),
      knowledge: this.deps.knowledge,
      language: this.deps.language,
    });
    if (heard.otherLanguage) return [this.inOtherLanguage(heard.otherLanguage), ...this.reask(chat)];
    if (heard.courtesy.rest === '') {
      return [this.say(heard.courtesy.thanked && !heard.courtesy.greeted ? 'chat.thanks' : 'chat.greetingBack'), ...this.reask(chat)];
    }
    if (heard.menuInput !== null) {
      const answer = heard.answerId ? await this.answerText(chat, heard.answerId) : null;
      const next = await this.advance(chat, { type: 'INPUT', at: input.at, speech: heard.menuInput });
      if (answer) return [answer, ...next];
      return heard.asked && chat.value !== 'connecting' ? [this.say('chat.questionNoted'), ...next] : next;
    }
    if (heard.answerId) return this.answer(chat, heard.answerId, heard.suggestions);
    if (heard.repeat) return this.menu(chat);

    chat.misses += 1;
    this.deps.metrics.faqAnswered('not_sure');
    if (chat.misses >= MISSES_BEFORE_HUMAN) {
      return this.advance(chat, { type: 'TO_HUMAN', at: input.at, reason: 'retries' });
    }
    const suggestions: ChatButton[] = heard.suggestions.slice(0, 3).map((entry) => ({ title: entry.title, value: `faq:${entry.id}` }));
    const notSure: ChatReply = {
      kind: 'message',
      text: `${this.deps.renderer.text({ key: 'chat.notSure' })} ${this.deps.renderer.text({ key: suggestions.length > 0 ? 'chat.suggestions' : 'chat.notSureOffer' })}`,
      buttons: [...suggestions, { title: this.deps.renderer.text({ key: 'button.human' }), value: HUMAN_VALUE }],
    };
    return [notSure, ...this.menu(chat)];
  }

  /** What the flow would do with these words at its current question; nothing is changed. */
  private react(chat: StoredChat, words: string, at: string): MenuReaction {
    if (!isMenu(chat.value)) return 'nothing';
    const restored = this.deps.machine.resolveState({ value: chat.value, context: chat.context });
    const [next] = this.pure.transition(restored, { type: 'INPUT', at, speech: words });
    const value = String(next.value);
    if (value === 'connecting') return 'human';
    if (value !== chat.value) return 'moves';
    return next.context.lastProblem === null ? 'repeat' : 'nothing';
  }

  /** A short answer in French and in the person's language: the phone number and a human. */
  private inOtherLanguage(language: string): ChatReply {
    const text = [this.deps.renderer.text({ key: 'chat.otherLanguage.fr' }), this.deps.renderer.text({ key: `chat.otherLanguage.${language}` })].join('\n\n');
    return { kind: 'message', text, buttons: [{ title: this.deps.renderer.text({ key: 'button.human' }), value: HUMAN_VALUE }] };
  }

  private async answerText(chat: StoredChat, entryId: string): Promise<ChatReply | null> {
    const text = await this.deps.knowledge.answer(entryId, chat.context.departement);
    return text === null ? null : { kind: 'message', text, buttons: [] };
  }

  /** The answer, the other subject the message was about when there is one, then the question the conversation was on, briefly. */
  private async answer(chat: StoredChat, entryId: string, offered: ReadonlyArray<{ id: string; title: string }> = []): Promise<ChatReply[]> {
    const answer = await this.answerText(chat, entryId);
    if (answer === null) return this.menu(chat);
    this.deps.metrics.faqAnswered('answered');
    chat.misses = 0;
    const also: ChatReply[] = offered
      .filter((entry) => entry.id !== entryId)
      .slice(0, 1)
      .map((entry) => ({ ...this.say('chat.alsoAsked'), buttons: [{ title: entry.title, value: `faq:${entry.id}` }] }));
    return [answer, ...also, this.say('chat.moreQuestions'), ...this.reask(chat)];
  }

  /** One event through the orientation machine; effects executed; the replies of the new state. */
  private async advance(chat: StoredChat, event: CallEvent): Promise<ChatReply[]> {
    const restored = this.deps.machine.resolveState({ value: chat.value, context: chat.context });
    const [next, actions] = this.pure.transition(restored, event);
    const reason = next.context.connection?.reason;
    const toNationalUnasked =
      String(next.value) === 'connecting' && next.context.departement === null && next.context.route?.kind !== 'crisis' && (reason === 'asked' || reason === 'retries');
    if (toNationalUnasked && !chat.departementAsked) return this.askDepartement(chat, reason);
    chat.value = String(next.value);
    chat.context = next.context;
    chat.misses = 0;
    const now = this.deps.clock.now().toISOString();
    for (const action of actions) {
      if (action.type !== 'saveTicket') continue;
      this.deps.metrics.ticketSaved('chat', action.params as TicketEffect);
      const draft = ticketDraftFrom(action.params as TicketEffect, 'chat', now, {
        summary: this.summary(chat),
        transcript: chat.transcript.slice(-TRANSCRIPT_LIMIT),
        ...(chat.danger ? { danger: chat.danger } : {}),
      });
      await this.deps.tickets.createOrUpdate(draft);
    }
    if (chat.value === 'connecting') return this.handOff(chat);
    if (chat.value === 'callbackBooked' && this.deps.people && (chat.context.callbackNumber || chat.context.callbackEmail)) {
      chat.linkConsent = 'asked';
      const yes = { title: this.deps.renderer.text({ key: 'button.yes' }), value: LINK_YES };
      const no = { title: this.deps.renderer.text({ key: 'button.no' }), value: LINK_NO };
      return [...this.menu(chat), { kind: 'message', text: this.deps.renderer.text({ key: CONSENT_PROMPT_KEYS.question }), buttons: [yes, no] }];
    }
    return this.menu(chat);
  }

  /**
   * The person asked for a human (or was not understood twice) before giving a département: one
   * question first, so that the advisors of their own territory get the request.
   */
  private askDepartement(chat: StoredChat, reason: PendingHandoff['reason']): ChatReply[] {
    chat.departementAsked = true;
    chat.pendingHandoff = { reason, misses: 0, candidates: [] };
    return [{ kind: 'message', text: this.sentences('chat.departementQuestion', 'chat.departementHowTo'), buttons: [this.skipDepartementButton()] }];
  }

  /** The answer to the département question: a département, a choice among several, or a refusal. */
  private async answerDepartement(chat: StoredChat, pending: PendingHandoff, input: ChatInput, text: string): Promise<ChatReply[]> {
    const choice = input.choice?.trim();
    if (choice === SKIP_DEPARTEMENT_VALUE || choice === HUMAN_VALUE) return this.handOverWith(chat, pending, null, input.at);
    if (choice?.startsWith(DEPARTEMENT_CHOICE) && pending.candidates.includes(choice.slice(DEPARTEMENT_CHOICE.length))) {
      return this.handOverWith(chat, pending, choice.slice(DEPARTEMENT_CHOICE.length), input.at, 'dtmf');
    }
    const candidates = text === '' ? [] : this.departementsIn(chat, text, input.at);
    const [only] = candidates;
    if (candidates.length === 1 && only) return this.handOverWith(chat, pending, only, input.at, 'speech');
    if (candidates.length > 1) {
      pending.candidates = candidates;
      const buttons = candidates.map((code) => ({ title: this.deps.turnDeps.departement(code)?.name ?? code, value: `${DEPARTEMENT_CHOICE}${code}` }));
      return [{ kind: 'message', text: this.sentences('departement.choose'), buttons: [...buttons, this.skipDepartementButton()] }];
    }
    pending.misses += 1;
    if (pending.misses >= MISSES_BEFORE_HUMAN) return [this.say('chat.departementUnknown'), ...(await this.handOverWith(chat, pending, null, input.at))];
    return [{ kind: 'message', text: this.sentences('chat.departementNotFound', 'chat.departementHowTo'), buttons: [this.skipDepartementButton()] }];
  }

  /** The départements a text names (a postcode, a name, a number), read as the orientation's postcode step reads it. */
  private departementsIn(chat: StoredChat, text: string, at: string): string[] {
    const atPostcode = this.deps.machine.resolveState({ value: 'postcode', context: { ...chat.context, attempts: 0, lastProblem: null, notice: null } });
    // The whole text (« 44000 », « Loire-Atlantique », « le 44 »), else a postcode inside it (« Nantes 44000 »).
    for (const said of [text, ...(text.match(/(?<!\d)\d{5}(?!\d)/g) ?? [])]) {
      const [next] = this.pure.transition(atPostcode, { type: 'INPUT', at, speech: said });
      const value = String(next.value);
      if (value === 'confirmDepartement' || value === 'chooseDepartement') return [...next.context.departementCandidates];
    }
    return [];
  }

  /** The hand-off goes on with the département given (a button: 'dtmf', written: 'speech'), or none (the national list). */
  private async handOverWith(chat: StoredChat, pending: PendingHandoff, departement: string | null, at: string, via: 'dtmf' | 'speech' = 'speech'): Promise<ChatReply[]> {
    chat.pendingHandoff = null;
    if (departement !== null) {
      const { context } = chat;
      chat.context = { ...context, departement, departementCandidates: [departement], choices: [...context.choices, { step: 'postcode', value: departement, via }] };
    }
    return this.advance(chat, { type: 'TO_HUMAN', at, reason: pending.reason });
  }

  private skipDepartementButton(): ChatButton {
    return { title: this.deps.renderer.text({ key: 'button.skipDepartement' }), value: SKIP_DEPARTEMENT_VALUE };
  }


  /** Yes or no to the consent question; never when the message holds words of danger (safety first). */
  private consentOf(input: ChatInput, text: string): 'yes' | 'no' | null {
    if (text !== '' && this.deps.safety.detect(text) !== null) return null;
    return consentAnswer(input.choice?.trim(), text);
  }

  /** The answer to the consent question: yes links this ticket to the person's other contacts. */
  private async consentGiven(chat: StoredChat, yes: boolean): Promise<ChatReply[]> {
    delete chat.linkConsent;
    const personKey = yes ? this.deps.people?.ofCallback(chat.context) ?? null : null;
    if (personKey !== null && chat.context.ticketRef) await this.deps.people?.linkTicket(chat.context.ticketRef, personKey);
    return [this.say(personKey !== null ? CONSENT_PROMPT_KEYS.kept : CONSENT_PROMPT_KEYS.notKept)];
  }

  /**
   * The request is in the waiting list of the territory (or the national one). The person is told
   * the truth: when the territory is open (hours, holidays, crisis: the routing decision), an advisor
   * answers here; when it is closed, its hours and a callback offer, not a promise.
   */
  private async handOff(chat: StoredChat): Promise<ChatReply[]> {
    const { context } = chat;
    const ref = context.ticketRef ?? '';
    const queue = chatQueueName(context.departement);
    chat.mode = 'waiting';
    chat.acknowledged = false;
    chat.pendingHandoff = null;
    await this.deps.waitingRoom.join(queue, context.callSid, this.deps.clock.now());
    const territory = context.route && context.route.kind !== 'crisis' ? context.route.territoryName : null;
    const closed = context.route?.kind === 'closed';
    const message = closed ? this.closedHandOff(chat, ref) : this.openHandOff(context, ref, territory);
    // The person's MDPH and local offers for their need: before a question (closed), else after the news.
    const help = context.departement ? await this.deps.knowledge.localHelp(context.departement, context.need) : null;
    const local: ChatReply[] = help ? [{ kind: 'message', text: help, buttons: [] }] : [];
    const news: ChatReply = { kind: 'message', text: message.text, buttons: message.buttons, urgent: context.priority === 'prioritaire' };
    return [
      ...(closed ? [...local, news] : [news, ...local]),
      {
        kind: 'handoff',
        ticketRef: ref,
        context: {
          ticketRef: ref,
          departement: context.departement,
          territoryName: territory,
          priority: context.priority,
          profile: context.profile,
          need: context.need,
          summary: this.summary(chat),
          queue,
        },
        transcript: chat.transcript.slice(-TRANSCRIPT_LIMIT),
      },
    ];
  }

  private openHandOff(context: CallContext, ref: string, territory: string | null): ChatMessage {
    const turn = turnFor('connecting', context, this.deps.turnDeps);
    const lines: Line[] = turn.kind === 'connect' ? [...turn.lines] : [];
    lines.push({ key: 'chat.escalated', values: { ref } }, { key: 'chat.whatNext' });
    const hours = this.deps.hoursInWords(context.departement);
    if (hours && territory && context.connection?.scope === 'territory') lines.push({ key: 'chat.hoursOpen', values: { territory, hours } });
    return this.deps.renderer.message(lines, { offerHuman: false });
  }

  /** Nobody answers now: the request waits for the advisors' return; the closed offer (callback) follows. */
  private closedHandOff(chat: StoredChat, ref: string): ChatMessage {
    chat.value = 'closedOffer';
    chat.context = { ...chat.context, attempts: 0, lastProblem: null, notice: null };
    const offer = turnFor('closedOffer', chat.context, this.deps.turnDeps);
    const lines: Line[] = [{ key: 'chat.escalated', values: { ref } }];
    for (const line of offer.kind === 'ask' ? offer.lines : []) {
      if (line.key === 'closed.question') lines.push({ key: 'chat.closedSeen' });
      lines.push(line);
    }
    return this.deps.renderer.message(lines, { offerHuman: false });
  }

  /**
   * The person answers the callback offer of a closed hand-off (yes, no, a phone number or an e-mail).
   * Null when the answer is for the advisors instead (the flow would hand over again).
   */
  private async callbackOffer(chat: StoredChat, input: ChatInput, text: string): Promise<ChatReply[] | null> {
    const choice = input.choice?.trim();
    if (!choice && text === '') return null;
    const event: CallEvent = choice ? { type: 'INPUT', at: input.at, digits: choice } : { type: 'INPUT', at: input.at, speech: text };
    const restored = this.deps.machine.resolveState({ value: chat.value, context: chat.context });
    const [next] = this.pure.transition(restored, event);
    if (String(next.value) === 'connecting') return null;
    const replies = await this.advance(chat, event);
    if (chat.value === 'callbackBooked' || chat.value === 'declined') {
      // Booked: the request is now a callback (the callback list). Declined: it stays in the waiting list; the bot answers meanwhile.
      chat.mode = 'bot';
      if (chat.value === 'callbackBooked') await this.deps.waitingRoom.leave(chatQueueName(chat.context.departement), chat.context.callSid);
    }
    return replies.map((reply) => (reply.kind === 'message' ? { ...reply, buttons: reply.buttons.filter((b) => b.value !== HUMAN_VALUE) } : reply));
  }

  private sentences(...keys: string[]): string {
    return keys.map((key) => this.deps.renderer.text({ key })).join(' ');
  }

  /** What the advisor reads first, in a line. */
  private summary(chat: StoredChat): string {
    const { context } = chat;
    const parts = [
      context.profile ? this.deps.renderer.text({ key: `profile.name.${context.profile}` }) : null,
      context.need ? `besoin : ${this.deps.renderer.text({ key: `need.name.${context.need}` })}` : null,
      context.departement ? `département ${context.departement}` : 'département non précisé',
      context.priority === 'prioritaire' ? 'prioritaire' : null,
      chat.danger ? `danger : ${this.deps.safety.name(chat.danger)}` : null,
    ];
    return `Chat : ${parts.filter((p): p is string => p !== null).join(', ')}.`;
  }

  private menu(chat: StoredChat): ChatReply[] {
    if (chat.value === 'connecting' || chat.value === 'over') return [];
    const message = this.deps.renderer.turn(turnFor(chat.value, chat.context, this.deps.turnDeps));
    if (!message || message.text === '') return [];
    return [{ kind: 'message', text: message.text, buttons: message.buttons }];
  }

  /** The current question again, without its explanations (after an answer, a greeting, thanks). */
  private reask(chat: StoredChat): ChatReply[] {
    if (!isMenu(chat.value)) return [];
    const turn = turnFor(chat.value, chat.context, this.deps.turnDeps);
    if (turn.kind !== 'ask') return [];
    const message = this.deps.renderer.turn({ ...turn, lines: turn.lines.filter((line) => !EXPLANATIONS.has(line.key)) });
    return message && message.text !== '' ? [{ kind: 'message', text: message.text, buttons: message.buttons }] : [];
  }

  private say(key: string, values?: Record<string, string | number>): ChatReply {
    return { kind: 'message', text: this.deps.renderer.text(values ? { key, values } : { key }), buttons: [] };
  }

  private initial(conversationId: string): StoredChat {
    const [snapshot] = this.pure.initial({ callSid: conversationId, caller: null });
    return { v: 1, value: String(snapshot.value), context: snapshot.context, mode: 'bot', misses: 0, transcript: [], acknowledged: false, danger: null };
  }

  private remember(chat: StoredChat, replies: readonly ChatReply[], at: string): void {
    for (const reply of replies) if (reply.kind === 'message' && reply.text) this.push(chat, { from: 'bot', text: reply.text, at });
  }

  private push(chat: StoredChat, line: TranscriptLine): void {
    chat.transcript.push({ ...line, text: line.text.slice(0, 4000) });
    if (chat.transcript.length > TRANSCRIPT_LIMIT) chat.transcript.splice(0, chat.transcript.length - TRANSCRIPT_LIMIT);
  }

  private async load(conversationId: string): Promise<StoredChat | null> {
    const raw = await this.deps.store.get(this.deps.keys.chat(conversationId));
    if (raw === null) return null;
    const parsed = JSON.parse(raw) as Partial<StoredChat>;
    if (parsed.v !== 1 || typeof parsed.value !== 'string' || !parsed.context) throw new Error(`Stored chat ${conversationId} is unusable`);
    return parsed as StoredChat;
  }

  private async save(conversationId: string, chat: StoredChat): Promise<void> {
    await this.deps.store.set(this.deps.keys.chat(conversationId), JSON.stringify(chat), this.deps.chatTtlSeconds);
  }
}

const MENU_STATES = new Set(['profile', 'needGroup', 'need', 'postcode', 'chooseDepartement', 'confirmDepartement', 'closedOffer', 'callbackConfirm', 'callbackEntry']);
function isMenu(value: string): boolean {
  return MENU_STATES.has(value);
}
