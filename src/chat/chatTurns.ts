/**
 * The web chat's conversation, channel-neutral: the same orientation flow as the phone, plus
 * answers to simple questions, a safety net for words of danger, and a hand-off to a human advisor
 * with a pre-filled ticket. One message in, the replies out; the state lives in the store, with the
 * configuration version the chat started on: every turn uses that version (chatRuntime.ts).
 * No botbuilder here: the bot (bot.ts) turns activities into ChatInput and ChatReply into activities.
 *
 * This file holds the entry points and safety; the bot's listening and answers are in
 * chatAnswers.ts, the orientation steps and the hand-off in chatFlow.ts, the stored state in chatState.ts.
 */
import type { DangerKind } from '../domain/vocabulary';
import type { TranscriptLine } from '../tickets/ticket';
import { maskPersonalData } from '../tickets/personalData';
import { botTurn, consentGiven, consentOf } from './chatAnswers';
import { advance, CALLBACK_OFFER_STATES, callbackOffer } from './chatFlow';
import { menu, reask, say, summary, type ChatStep, type ChatTurnsDeps } from './chatRuntime';
import { chatQueueName, chatStore, departementOfChatQueue, initialChat, lastSeenOf, pushLine, rememberReplies, type ChatInput, type ChatMode, type ChatReply, type StoredChat } from './chatState';
import { firstCharacters } from './reading';
import { keepOnTicket, type TicketChanges } from './ticketTranscript';
import { checkAnswerOf, checkQuestion } from './dangerCheck';

export type { ChatKnowledge, ChatSafety } from './ports';
export type { ChatRuntime, ChatTurnsDeps } from './chatRuntime';
export type { ChatInput, ChatMode, ChatReply, HandoffContext } from './chatState';
export { chatQueueName } from './chatState';
export { SKIP_DEPARTEMENT_VALUE } from './chatFlow';

/** The longest message read, in characters; the rest is not read and the person is told. */
export const MESSAGE_READ_CHARS = 10_000;

export class ChatTurns {
  private readonly chats: ReturnType<typeof chatStore>;

  constructor(private readonly deps: ChatTurnsDeps) {
    this.chats = chatStore(deps.store, deps.keys, deps.chatTtlSeconds);
  }

  /** The conversation starts, on the version served now: welcome and the first question of the orientation. */
  async welcome(conversationId: string, at: string): Promise<ChatReply[]> {
    const existing = await this.chats.load(conversationId);
    if (existing) return [];
    this.deps.metrics.chatStarted();
    const step = await this.start(conversationId);
    const replies: ChatReply[] = [{ kind: 'message', text: `${step.rt.renderer.text({ key: 'welcome' })} ${step.rt.renderer.text({ key: 'chatHelp' })}`, buttons: [] }];
    replies.push(...menu(step));
    rememberReplies(step.chat, replies, at);
    await this.chats.save(conversationId, step.chat);
    return replies;
  }

  async message(input: ChatInput): Promise<ChatReply[]> {
    const existing = await this.chats.load(input.conversationId);
    const step = existing ? await this.stepOf(input.conversationId, existing) : await this.start(input.conversationId);
    const { chat, rt } = step;
    const { text, cut } = firstCharacters((input.text ?? '').trim(), MESSAGE_READ_CHARS);
    if (text !== '') pushLine(chat, { from: 'user', text: maskPersonalData(text, rt.departementsForPostcode), at: input.at });

    // Safety first, in every state and every mode: the number at once, then the priority human. The
    // answer to the second-stage question comes first: « Oui » is the emergency of the kind asked about.
    const asked = chat.dangerCheck;
    delete chat.dangerCheck;
    const answer = asked === undefined ? null : checkAnswerOf(input, text);
    if (asked !== undefined) this.deps.metrics.dangerCheck('chat', asked, answer === 'yes' ? 'yes' : answer === 'no' ? 'no' : 'no_answer');
    const danger = asked !== undefined && answer === 'yes' ? rt.safety.confirmed(asked, text) : text ? rt.safety.detect(text) : null;
    // The grey zone: some evidence of danger, below the emergency: the person is asked, with the number.
    const check = !danger && answer === null && text ? rt.safety.check(text) : null;
    let replies: ChatReply[];
    const offered = !danger && answer === null && chat.mode === 'waiting' && CALLBACK_OFFER_STATES.has(chat.value) ? await callbackOffer(step, input, text) : null;
    if (danger) {
      replies = await this.dangerTurn(step, input, danger);
    } else if (answer === 'no') {
      // « Non »: the conversation goes on where it was.
      replies = [{ kind: 'message', text: rt.safety.question(asked as NonNullable<typeof asked>).goOn, buttons: [] }, ...(chat.mode === 'bot' ? reask(step) : [])];
    } else if (offered) {
      replies = offered;
    } else if (chat.mode !== 'bot') {
      // An advisor has (or will have) the conversation: the bot stays quiet, the advisor reads it.
      replies = chat.acknowledged ? [] : [say(rt, 'chat.waitingAck')];
      chat.acknowledged = true;
    } else if (chat.linkConsent === 'asked' && consentOf(input, text) !== null) {
      replies = await consentGiven(step, consentOf(input, text) === 'yes');
    } else {
      delete chat.linkConsent; // anything else than yes or no: no consent, no link
      replies = await botTurn(step, input, text);
      if (cut) replies.unshift(say(rt, 'chat.tooLong', { max: MESSAGE_READ_CHARS.toLocaleString('fr-FR') }));
    }
    if (check) {
      // What they asked for, then the question last (its buttons are the ones shown).
      replies.push(checkQuestion(rt.safety.question(check.kind)));
      chat.dangerCheck = check.kind;
      this.deps.metrics.dangerCheck('chat', check.kind, 'asked');
      // With an advisor: a doubt the advisor must see (the ticket's summary, the console's alert).
      if (chat.mode !== 'bot') chat.dangerDoubt = check.kind;
    }
    rememberReplies(chat, replies, input.at);
    await this.chats.save(input.conversationId, chat);
    // With an advisor (or waiting for one), the ticket holds the conversation as it goes.
    const doubt = chat.mode !== 'bot' && check !== null;
    if (chat.mode !== 'bot' && !danger) await this.updateTicket(input.conversationId, chat, doubt ? { summary: summary(step) } : undefined);
    try {
      if (danger) this.deps.onDanger?.(input.conversationId, danger.kind);
      else if (doubt && check) this.deps.onDangerDoubt?.(input.conversationId, check.kind);
    } catch {
      // A listener never fails the person's turn.
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
    return (await this.chats.load(conversationId))?.mode ?? null;
  }

  /** An advisor takes the conversation (live chat) or hands it back to the bot. */
  async setMode(conversationId: string, mode: ChatMode): Promise<ChatReply[]> {
    const stored = await this.chats.load(conversationId);
    if (!stored) return [];
    const { chat, rt } = await this.stepOf(conversationId, stored);
    chat.mode = mode;
    chat.acknowledged = mode === 'human';
    if (mode === 'human' && (chat.handoff === 'waiting' || chat.handoff === 'callback')) {
      chat.handoff = 'answered';
      this.deps.metrics.chatHandoffEnded(chat.context.departement, 'answered');
    }
    const replies = mode === 'human' ? [say(rt, 'chat.advisorJoined')] : mode === 'bot' ? [say(rt, 'chat.advisorLeft')] : [];
    if (mode !== 'waiting') await this.deps.waitingRoom.leave(chatQueueName(chat.context.departement), conversationId);
    rememberReplies(chat, replies, this.deps.clock.now().toISOString());
    await this.chats.save(conversationId, chat);
    // Taken or handed back: the ticket keeps the whole conversation (robot, person, advisor) so far.
    if (mode !== 'waiting') await this.updateTicket(conversationId, chat);
    return replies;
  }

  /**
   * The person left (their page closed: Web Chat's page says so). A hand-off nobody took is then
   * abandoned: counted once, out of the waiting list. Nothing else changes.
   */
  async left(conversationId: string): Promise<void> {
    const chat = await this.chats.load(conversationId);
    if (chat?.handoff !== 'waiting') return;
    chat.handoff = 'abandoned';
    this.deps.metrics.chatHandoffEnded(chat.context.departement, 'abandoned');
    await this.deps.waitingRoom.leave(chatQueueName(chat.context.departement), conversationId);
    await this.chats.save(conversationId, chat);
  }

  /**
   * Hand-offs nobody took whose person is gone: nothing came from them (no line, no hand-off) for the
   * conversation's TTL, or the conversation has expired. Each is abandoned, as if its page had said
   * so: counted once (by whoever takes it out of the waiting list), on the day the person was last
   * seen. Run when the figures are read (src/dashboard/index.ts) and on the app's timer (goneSweeper.ts).
   */
  async sweepGone(queueNames: readonly string[]): Promise<number> {
    const counts = await Promise.all(queueNames.map((queue) => this.sweepQueue(queue)));
    return counts.reduce((a, b) => a + b, 0);
  }

  private async sweepQueue(queue: string): Promise<number> {
    const now = this.deps.clock.now().getTime();
    let gone = 0;
    for (const { id, since } of await this.deps.waitingRoom.everyone(queue)) {
      // A conversation that cannot be read is left to its TTL: the others are swept all the same.
      const chat = await this.chats.load(id).catch(() => undefined);
      if (chat === undefined || (chat && chat.handoff !== 'waiting')) continue;
      const lastSeen = lastSeenOf(chat ? await this.chats.transcript(id).catch(() => []) : [], since);
      if (chat && now - lastSeen.getTime() < this.deps.chatTtlSeconds * 1000) continue;
      if (!(await this.deps.waitingRoom.leave(queue, id))) continue;
      this.deps.metrics.chatHandoffEnded(chat ? chat.context.departement : departementOfChatQueue(queue), 'abandoned', lastSeen);
      gone += 1;
      if (chat) {
        chat.handoff = 'abandoned';
        await this.chats.save(id, chat);
      }
    }
    return gone;
  }

  /** A line the advisor wrote (with their first name, when known), kept in the transcript and on the ticket (the channel delivers it). */
  async recordAdvisorLine(conversationId: string, text: string, advisorName?: string): Promise<boolean> {
    const chat = await this.chats.load(conversationId);
    if (!chat) return false;
    pushLine(chat, { from: 'advisor', text, at: this.deps.clock.now().toISOString(), ...(advisorName ? { name: advisorName } : {}) });
    await this.chats.save(conversationId, chat);
    await this.updateTicket(conversationId, chat);
    return true;
  }

  async transcript(conversationId: string): Promise<TranscriptLine[] | null> {
    const chat = await this.chats.load(conversationId);
    return chat ? this.chats.transcript(conversationId, chat) : null;
  }

  /** A person's text as it may be kept or shown to advisors: contact details and postcodes masked. */
  masked(text: string): string {
    return maskPersonalData(text, this.deps.departementsForPostcode);
  }

  /**
   * The apology of a turn that failed, in the words of the version the conversation is pinned to;
   * those of the version served now when the conversation cannot be read (the store may be why the
   * turn failed).
   */
  async apology(conversationId: string | undefined): Promise<string> {
    let version: string | undefined;
    try {
      version = conversationId === undefined ? undefined : (await this.chats.load(conversationId))?.configVersion;
    } catch {
      version = undefined;
    }
    const rt = await this.deps.runtime(version).catch(() => this.deps.runtime(undefined));
    return rt.renderer.text({ key: 'chat.error' });
  }

  /** A new conversation, on the version served now. */
  private async start(conversationId: string): Promise<ChatStep> {
    const rt = await this.deps.runtime(undefined);
    const chat = initialChat(rt.pure, conversationId, rt.version);
    return { chat, rt, deps: this.deps, transcript: () => this.chats.transcript(conversationId, chat) };
  }

  /** A conversation in progress, on its own version. */
  private async stepOf(conversationId: string, chat: StoredChat): Promise<ChatStep> {
    return { chat, rt: await this.deps.runtime(chat.configVersion), deps: this.deps, transcript: () => this.chats.transcript(conversationId, chat) };
  }

  /**
   * Words of danger: the emergency numbers first. With the bot, a priority hand-off; when an advisor
   * has (or will have) the chat, the ticket becomes a priority naming the danger, and the bot says
   * nothing more than the numbers (the advisor is alerted by onDanger).
   */
  private async dangerTurn(step: ChatStep, input: ChatInput, signal: { kind: DangerKind }): Promise<ChatReply[]> {
    const { chat, rt } = step;
    const { kind } = signal;
    chat.danger = kind;
    this.deps.metrics.dangerDetected('chat', kind);
    const emergency: ChatReply = { kind: 'message', text: rt.safety.message(signal), buttons: [], urgent: true };
    if (chat.mode === 'bot') return [emergency, ...(await advance(step, { type: 'URGENT', at: input.at }))];
    chat.context = { ...chat.context, priority: 'prioritaire' };
    chat.acknowledged = true;
    await this.updateTicket(input.conversationId, chat, { priority: 'prioritaire', danger: kind, summary: summary(step) });
    return [emergency];
  }

  /** The ticket (once it exists) holds the conversation so far, and the changes given. */
  private async updateTicket(conversationId: string, chat: StoredChat, changes?: TicketChanges): Promise<void> {
    return keepOnTicket(this.deps.tickets, conversationId, await this.chats.transcript(conversationId, chat), changes);
  }
}
