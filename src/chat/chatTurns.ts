/**
 * The web chat's conversation, channel-neutral: the same orientation flow as the phone, plus
 * answers to simple questions, a safety net for words of danger, and a hand-off to a human advisor
 * with a pre-filled ticket. One message in, the replies out; the state lives in the store.
 * No botbuilder here: the bot (bot.ts) turns activities into ChatInput and ChatReply into activities.
 */
import type { Clock, KeyValueStore, Metrics } from '../domain/ports';
import type { StoreKeys } from '../storage/keys';
import type { TranscriptLine } from '../tickets/ticket';
import type { TicketStore } from '../tickets/ticket-store';
import type { CallContext, CallEvent, CallMachine } from '../voice/callMachine';
import { PureMachine } from '../voice/pureMachine';
import { ticketDraftFrom, type TicketEffect } from '../voice/ticketEffect';
import { turnFor, type Line, type TurnDeps } from '../voice/turn';
import type { WaitingRoom } from '../voice/waitingRoom';
import { HUMAN_VALUE, type ChatButton, type ChatRenderer } from './chatRenderer';
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

export interface ChatKnowledge {
  match(text: string): { kind: 'answer'; entryId: string } | { kind: 'notSure'; suggestions: Array<{ id: string; title: string }> };
  /** The answer in plain French, its source, and the local contact of the département when known. */
  answer(entryId: string, departement: string | null): string | null;
  title(entryId: string): string | null;
}

export interface ChatSafety {
  /** A danger signal in the text, or null. */
  detect(text: string): { kind: string } | null;
  message(signal: { kind: string }): string;
}

export interface ChatTurnsDeps {
  machine: CallMachine;
  turnDeps: TurnDeps;
  renderer: ChatRenderer;
  knowledge: ChatKnowledge;
  safety: ChatSafety;
  store: KeyValueStore;
  keys: StoreKeys;
  tickets: TicketStore;
  waitingRoom: WaitingRoom;
  clock: Clock;
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
  danger: string | null;
  /** The person was asked whether their contacts may be linked (src/people/chatConsent.ts). */
  linkConsent?: 'asked';
}

const TRANSCRIPT_LIMIT = 200;
const MISSES_BEFORE_HUMAN = 2;
const GREETING = /^(bonjour|bonsoir|salut|hello|coucou|allo|bjr)\b/i;
const THANKS = /^(merci|ok merci|d accord merci|super merci)\b/i;
/** A question rather than an answer: « c'est quoi… », « comment… », « … ? ». */
const QUESTION = /\?\s*$|^(c['’ ]?est quoi|qu['’ ]?est[- ]ce|comment|combien|quand|pourquoi|o[uù] |quel(le)?s? |est[- ]ce que|a quoi|à quoi|ai[- ]je droit|j['’ ]?ai droit|peut[- ]on|puis[- ]je)/i;

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
    const chat = this.initial(conversationId);
    const replies: ChatReply[] = [{ kind: 'message', text: `${this.deps.renderer.text({ key: 'welcome' })} ${this.deps.renderer.text({ key: 'chatHelp' })}`, buttons: [] }];
    replies.push(...this.menu(chat));
    this.remember(chat, replies, at);
    await this.save(conversationId, chat);
    return replies;
  }

  async message(input: ChatInput): Promise<ChatReply[]> {
    const chat = (await this.load(input.conversationId)) ?? this.initial(input.conversationId);
    const text = (input.text ?? '').trim();
    if (text !== '') this.push(chat, { from: 'user', text, at: input.at });

    let replies: ChatReply[];
    if (chat.mode !== 'bot') {
      // An advisor has (or will have) the conversation: the bot stays quiet, the advisor reads it.
      replies = chat.acknowledged ? [] : [this.say('chat.waitingAck')];
      chat.acknowledged = true;
    } else if (chat.linkConsent === 'asked' && this.consentOf(input, text) !== null) {
      replies = await this.consentGiven(chat, this.consentOf(input, text) === 'yes');
    } else {
      delete chat.linkConsent; // anything else than yes or no: no consent, no link
      replies = await this.botTurn(chat, input, text);
    }
    this.remember(chat, replies, input.at);
    await this.save(input.conversationId, chat);
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
    return replies;
  }

  /** A line the advisor wrote, kept in the transcript (the channel delivers it). */
  async recordAdvisorLine(conversationId: string, text: string): Promise<boolean> {
    const chat = await this.load(conversationId);
    if (!chat) return false;
    this.push(chat, { from: 'advisor', text, at: this.deps.clock.now().toISOString() });
    await this.save(conversationId, chat);
    return true;
  }

  async transcript(conversationId: string): Promise<TranscriptLine[] | null> {
    return (await this.load(conversationId))?.transcript ?? null;
  }

  private async botTurn(chat: StoredChat, input: ChatInput, text: string): Promise<ChatReply[]> {
    const danger = text ? this.deps.safety.detect(text) : null;
    if (danger) {
      chat.danger = danger.kind;
      this.deps.metrics.dangerDetected('chat', danger.kind);
      const emergency: ChatReply = { kind: 'message', text: this.deps.safety.message(danger), buttons: [], urgent: true };
      return [emergency, ...(await this.advance(chat, { type: 'URGENT', at: input.at }))];
    }
    const choice = input.choice?.trim();
    if (choice?.startsWith('faq:')) return this.answer(chat, choice.slice(4));
    if (choice === HUMAN_VALUE) return this.advance(chat, { type: 'TO_HUMAN', at: input.at, reason: 'asked' });
    if (choice) return this.advance(chat, { type: 'INPUT', at: input.at, digits: choice });
    if (text === '') return this.menu(chat);

    // Free text: a question the knowledge base answers (« c'est quoi l'AAH ? »), else an answer to the
    // current question of the orientation, else the knowledge base's best guess, never a guess of ours.
    const match = this.deps.knowledge.match(text);
    if (match.kind === 'answer' && QUESTION.test(text)) return this.answer(chat, match.entryId);
    if (isMenu(chat.value)) {
      const restored = this.deps.machine.resolveState({ value: chat.value, context: chat.context });
      const [next] = this.pure.transition(restored, { type: 'INPUT', at: input.at, speech: text });
      if (next.context.lastProblem === null) return this.advance(chat, { type: 'INPUT', at: input.at, speech: text });
    }
    if (GREETING.test(text)) return [this.say('chat.greetingBack'), ...this.menu(chat)];
    if (THANKS.test(text)) return [this.say('chat.thanks'), ...this.menu(chat)];
    if (match.kind === 'answer') return this.answer(chat, match.entryId);

    chat.misses += 1;
    this.deps.metrics.faqAnswered('not_sure');
    if (chat.misses >= MISSES_BEFORE_HUMAN) {
      return this.advance(chat, { type: 'TO_HUMAN', at: input.at, reason: 'retries' });
    }
    const suggestions: ChatButton[] = match.suggestions.slice(0, 3).map((entry) => ({ title: entry.title, value: `faq:${entry.id}` }));
    const notSure: ChatReply = {
      kind: 'message',
      text: `${this.deps.renderer.text({ key: 'chat.notSure' })} ${this.deps.renderer.text({ key: suggestions.length > 0 ? 'chat.suggestions' : 'chat.notSureOffer' })}`,
      buttons: [...suggestions, { title: this.deps.renderer.text({ key: 'button.human' }), value: HUMAN_VALUE }],
    };
    return [notSure, ...this.menu(chat)];
  }

  private answer(chat: StoredChat, entryId: string): ChatReply[] {
    const text = this.deps.knowledge.answer(entryId, chat.context.departement);
    if (text === null) return this.menu(chat);
    this.deps.metrics.faqAnswered('answered');
    chat.misses = 0;
    return [{ kind: 'message', text, buttons: [] }, this.say('chat.moreQuestions'), ...this.menu(chat)];
  }

  /** One event through the orientation machine; effects executed; the replies of the new state. */
  private async advance(chat: StoredChat, event: CallEvent): Promise<ChatReply[]> {
    const restored = this.deps.machine.resolveState({ value: chat.value, context: chat.context });
    const [next, actions] = this.pure.transition(restored, event);
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

  private async handOff(chat: StoredChat): Promise<ChatReply[]> {
    const { context } = chat;
    const ref = context.ticketRef ?? '';
    const queue = chatQueueName(context.departement);
    chat.mode = 'waiting';
    chat.acknowledged = false;
    await this.deps.waitingRoom.join(queue, context.callSid, this.deps.clock.now());
    const turn = turnFor('connecting', context, this.deps.turnDeps);
    const lines: Line[] = turn.kind === 'connect' ? [...turn.lines] : [];
    lines.push({ key: 'chat.escalated', values: { ref } }, { key: 'chat.whatNext' });
    const hours = this.deps.hoursInWords(context.departement);
    const territory = context.route && context.route.kind !== 'crisis' ? context.route.territoryName : null;
    if (hours && territory && context.connection?.scope === 'territory') lines.push({ key: 'chat.hoursOpen', values: { territory, hours } });
    const message = this.deps.renderer.message(lines, { offerHuman: false });
    return [
      { kind: 'message', text: message.text, buttons: [], urgent: context.priority === 'prioritaire' },
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

  /** What the advisor reads first, in a line. */
  private summary(chat: StoredChat): string {
    const { context } = chat;
    const parts = [
      context.profile ? this.deps.renderer.text({ key: `profile.name.${context.profile}` }) : null,
      context.need ? `besoin : ${this.deps.renderer.text({ key: `need.name.${context.need}` })}` : null,
      context.departement ? `département ${context.departement}` : 'département non précisé',
      context.priority === 'prioritaire' ? 'prioritaire' : null,
      chat.danger ? `mots de danger (${chat.danger})` : null,
    ];
    return `Chat : ${parts.filter((p): p is string => p !== null).join(', ')}.`;
  }

  private menu(chat: StoredChat): ChatReply[] {
    if (chat.value === 'connecting' || chat.value === 'over') return [];
    const message = this.deps.renderer.turn(turnFor(chat.value, chat.context, this.deps.turnDeps));
    if (!message || message.text === '') return [];
    return [{ kind: 'message', text: message.text, buttons: message.buttons }];
  }

  private say(key: string): ChatReply {
    return { kind: 'message', text: this.deps.renderer.text({ key }), buttons: [] };
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
