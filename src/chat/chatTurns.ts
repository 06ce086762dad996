/**
 * The web chat's conversation, channel-neutral: the same orientation flow as the phone, plus
 * answers to simple questions, a safety net for words of danger, and a hand-off to a human advisor
 * with a pre-filled ticket. One message in, the replies out; the state lives in the store.
 * No botbuilder here: the bot (bot.ts) turns activities into ChatInput and ChatReply into activities.
 */
import type { Clock, KeyValueStore } from '../domain/ports';
import type { DangerKind } from '../domain/vocabulary';
import type { StoreKeys } from '../storage/keys';
import type { TranscriptLine } from '../tickets/ticket';
import type { TicketStore } from '../tickets/ticket-store';
import type { CallContext, CallEvent, CallMachine } from '../voice/callMachine';
import { PureMachine } from '../voice/pureMachine';
import { ticketDraftFrom, type TicketEffect } from '../voice/ticketEffect';
import { turnFor, type Line, type TurnDeps } from '../voice/turn';
import type { WaitingRoom } from '../voice/waitingRoom';
import { HUMAN_VALUE, type ChatButton, type ChatRenderer } from './chatRenderer';

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
  detect(text: string): { kind: DangerKind } | null;
  message(signal: { kind: DangerKind }): string;
  /** The kind in a few French words, for the ticket (« suicide », « enfant en danger »). */
  name(kind: DangerKind): string;
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
  /**
   * Told when the person writes while an advisor has (or will have) the conversation, once it is saved:
   * the consoles re-read the transcript. Never fails a turn.
   */
  onPersonWrote?(conversationId: string): void;
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

    // Safety first, in every state and every mode: the number at once, then the priority human.
    const danger = text ? this.deps.safety.detect(text) : null;
    let replies: ChatReply[];
    if (danger) {
      replies = await this.dangerTurn(chat, input, danger);
    } else if (chat.mode !== 'bot') {
      // An advisor has (or will have) the conversation: the bot stays quiet, the advisor reads it.
      replies = chat.acknowledged ? [] : [this.say('chat.waitingAck')];
      chat.acknowledged = true;
    } else {
      replies = await this.botTurn(chat, input, text);
    }
    this.remember(chat, replies, input.at);
    await this.save(input.conversationId, chat);
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

  /**
   * Words of danger: the emergency numbers first. With the bot, a priority hand-off; when an advisor
   * has (or will have) the chat, the ticket becomes a priority naming the danger, and the bot says
   * nothing more than the numbers (the advisor is alerted by onDanger).
   */
  private async dangerTurn(chat: StoredChat, input: ChatInput, signal: { kind: DangerKind }): Promise<ChatReply[]> {
    const { kind } = signal;
    chat.danger = kind;
    const emergency: ChatReply = { kind: 'message', text: this.deps.safety.message(signal), buttons: [], urgent: true };
    if (chat.mode === 'bot') return [emergency, ...(await this.advance(chat, { type: 'URGENT', at: input.at }))];
    chat.context = { ...chat.context, priority: 'prioritaire' };
    chat.acknowledged = true;
    const ticket = await this.deps.tickets.getByConversation(input.conversationId);
    if (ticket) {
      await this.deps.tickets.createOrUpdate({
        ref: ticket.ref,
        channel: ticket.channel,
        kind: ticket.kind,
        conversationId: ticket.conversationId,
        priority: 'prioritaire',
        danger: kind,
        summary: this.summary(chat),
        transcript: chat.transcript.slice(-TRANSCRIPT_LIMIT),
      });
    }
    return [emergency];
  }

  private async botTurn(chat: StoredChat, input: ChatInput, text: string): Promise<ChatReply[]> {
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
      const draft = ticketDraftFrom(action.params as TicketEffect, 'chat', now, {
        summary: this.summary(chat),
        transcript: chat.transcript.slice(-TRANSCRIPT_LIMIT),
        ...(chat.danger ? { danger: chat.danger } : {}),
      });
      await this.deps.tickets.createOrUpdate(draft);
    }
    if (chat.value === 'connecting') return this.handOff(chat);
    return this.menu(chat);
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
