/**
 * What a chat's turns need: the parts of one configuration version (ChatRuntime: the flow, its
 * wording, the FAQ, safety messages), built once per version so that a chat finishes on the version
 * it started with; the parts that never change with the version (ChatTurnsDeps); and the sentences
 * every step says (the current question, a prompt, the advisor's summary).
 */
import type { Clock, KeyValueStore, Metrics } from '../domain/ports';
import type { DangerKind } from '../domain/vocabulary';
import type { PersonLinks } from '../people/personLinks';
import type { StoreKeys } from '../storage/keys';
import type { DepartementsForPostcode } from '../tickets/personalData';
import type { TranscriptLine } from '../tickets/ticket';
import type { TicketStore } from '../tickets/ticket-store';
import type { CallMachine } from '../voice/callMachine';
import type { PureMachine } from '../voice/pureMachine';
import { turnFor, type TurnDeps, type VoiceTurn } from '../voice/turn';
import type { WaitingRoom } from '../voice/waitingRoom';
import type { ChatRenderer } from './chatRenderer';
import type { ChatReply, StoredChat } from './chatState';
import type { LanguageGuesser } from './language';
import type { ChatKnowledge, ChatSafety } from './ports';

/** One configuration version, as the chat uses it. */
export interface ChatRuntime {
  /** The version's name ("3", "files-…"), stored with the chat. */
  version: string;
  machine: CallMachine;
  pure: PureMachine;
  turnDeps: TurnDeps;
  renderer: ChatRenderer;
  knowledge: ChatKnowledge;
  safety: ChatSafety;
  /** Tells a message in another language (one we have a sentence in) from French. */
  language: LanguageGuesser;
  /** Opening hours of a territory in words, for « what happens next ». */
  hoursInWords(departement: string | null): string | null;
  /** The départements of a postcode with this version's overrides (a postcode written is kept as its département). */
  departementsForPostcode: DepartementsForPostcode;
}

export interface ChatTurnsDeps {
  /** The runtime of a configuration version; undefined: the one served now (a new chat). */
  runtime(version: string | undefined): Promise<ChatRuntime>;
  store: KeyValueStore;
  keys: StoreKeys;
  tickets: TicketStore;
  waitingRoom: WaitingRoom;
  clock: Clock;
  /** The départements of a postcode (the version served now), to mask a text read outside a turn. */
  departementsForPostcode: DepartementsForPostcode;
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
  /**
   * Told at once when the second-stage question is asked while an advisor has (or will have) the
   * conversation, once the ticket says so: the consoles alert the advisor of a doubt, not a confirmed
   * danger. Gets the kind, never the words. Never fails a turn.
   */
  onDangerDoubt?(conversationId: string, kind: DangerKind): void;
}

/** One turn of one conversation: its stored state (changed in place), its version, the shared parts. */
export interface ChatStep {
  chat: StoredChat;
  rt: ChatRuntime;
  deps: ChatTurnsDeps;
  /** The whole transcript so far (stored lines and this turn's): read only when a ticket or a hand-off needs it. */
  transcript(): Promise<TranscriptLine[]>;
}

/** Messages in a row not understood (or answers naming no département) before a human takes over. */
export const MISSES_BEFORE_HUMAN = 2;
/** Lines a question asked again goes without. */
const EXPLANATIONS = new Set(['postcode.howTo']);
const MENU_STATES = new Set(['profile', 'needGroup', 'need', 'postcode', 'chooseDepartement', 'confirmDepartement', 'closedOffer', 'callbackConfirm', 'callbackEntry']);

export function isMenu(value: string): boolean {
  return MENU_STATES.has(value);
}

export function say(rt: ChatRuntime, key: string, values?: Record<string, string | number>): ChatReply {
  return { kind: 'message', text: rt.renderer.text(values ? { key, values } : { key }), buttons: [] };
}

export function sentences(rt: ChatRuntime, ...keys: string[]): string {
  return keys.map((key) => rt.renderer.text({ key })).join(' ');
}

/** The question the conversation is on (none once handed over or over). */
export function menu({ chat, rt }: ChatStep): ChatReply[] {
  if (chat.value === 'connecting' || chat.value === 'over') return [];
  const message = rt.renderer.turn(turnFor(chat.value, chat.context, rt.turnDeps));
  if (!message || message.text === '') return [];
  return [{ kind: 'message', text: message.text, buttons: message.buttons }];
}

/** The brief turns of static turns (frozen, one per situation): frozen too, so the renderer renders each once. */
type AskTurn = Extract<VoiceTurn, { kind: 'ask' }>;
const briefTurns = new WeakMap<AskTurn, AskTurn>();

/** The turn without its explanations; a frozen turn's brief one is made once and frozen. */
function briefOf(turn: AskTurn): AskTurn {
  const made = (): AskTurn => ({ ...turn, lines: turn.lines.filter((line) => !EXPLANATIONS.has(line.key)) });
  if (!Object.isFrozen(turn)) return made();
  let brief = briefTurns.get(turn);
  if (brief === undefined) {
    brief = Object.freeze(made());
    briefTurns.set(turn, brief);
  }
  return brief;
}

/** The current question again, without its explanations (after an answer, a greeting, thanks). */
export function reask({ chat, rt }: ChatStep): ChatReply[] {
  if (!isMenu(chat.value)) return [];
  const turn = turnFor(chat.value, chat.context, rt.turnDeps);
  if (turn.kind !== 'ask') return [];
  const message = rt.renderer.turn(briefOf(turn));
  return message && message.text !== '' ? [{ kind: 'message', text: message.text, buttons: message.buttons }] : [];
}

/** What the advisor reads first, in a line. */
export function summary({ chat, rt }: ChatStep): string {
  const { context } = chat;
  const parts = [
    context.profile ? rt.renderer.text({ key: `profile.name.${context.profile}` }) : null,
    context.need ? `besoin : ${rt.renderer.text({ key: `need.name.${context.need}` })}` : null,
    context.departement ? `département ${context.departement}` : 'département non précisé',
    context.priority === 'prioritaire' ? 'prioritaire' : null,
    chat.danger ? `danger : ${rt.safety.name(chat.danger)}` : null,
    !chat.danger && chat.dangerDoubt ? `doute de danger : ${rt.safety.name(chat.dangerDoubt)} (question « en danger ? » posée, pas confirmé)` : null,
  ];
  return `Chat : ${parts.filter((p): p is string => p !== null).join(', ')}.`;
}
