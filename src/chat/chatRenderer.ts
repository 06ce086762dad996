/**
 * Turns the orientation flow's turn (the same one the phone renders as TwiML) into chat messages:
 * sentences from the chat wording, menu options and yes/no answers as buttons.
 */
import type { PromptCatalog } from '../prompts/catalog';
import type { Line, VoiceTurn } from '../voice/turn';

export interface ChatButton {
  title: string;
  /** What the button sends back: a menu key (« 1 ») or a command (« faq:aah »). */
  value: string;
}

export interface ChatMessage {
  text: string;
  buttons: ChatButton[];
}

/** Lines that only make sense on the phone, and the welcome (the chat says its own, once). */
const NOT_IN_CHAT = new Set(['help', 'speechHint', 'slower', 'welcome']);
const YES_KEYS = new Set(['departement.yes', 'closed.yes', 'callback.yes']);
const NO_KEYS: Record<string, string> = { 'departement.no': 'button.no', 'closed.no': 'button.noCallback', 'callback.other': 'button.otherContact' };

export const HUMAN_VALUE = '0';

/**
 * Sentences one after the other; a sentence written on several lines (« …dossier est :⏎{ref} »: the
 * ticket reference on a line of its own) keeps its lines, and the next sentence starts a new line.
 */
function joinSentences(sentences: readonly string[]): string {
  return sentences.reduce((text, sentence, index) => (index === 0 ? sentence : `${text}${sentences[index - 1]?.includes('\n') ? '\n' : ' '}${sentence}`), '');
}

/** A message rendered once and shared: frozen, so that no caller can change it for the next one. */
function frozen(message: ChatMessage | null): ChatMessage | null {
  if (message === null) return null;
  for (const button of message.buttons) Object.freeze(button);
  Object.freeze(message.buttons);
  return Object.freeze(message);
}

export class ChatRenderer {
  /**
   * The static turns' messages (turnFor hands out one frozen turn per situation: every conversation at
   * that question gets the same object), rendered once: the same sentences and buttons each time.
   */
  private readonly rendered = new WeakMap<VoiceTurn, ChatMessage | null>();

  constructor(private readonly prompts: PromptCatalog) {}

  text(line: Line): string {
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(line.values ?? {})) {
      values[name] = typeof value === 'string' && value.startsWith('@') ? this.prompts.text(value.slice(1)) : value;
    }
    return this.prompts.text(line.key, values);
  }

  /** One message: the sentences joined, options as buttons, and always a way to a human. */
  message(lines: readonly Line[], options: { offerHuman?: boolean } = {}): ChatMessage {
    const sentences: string[] = [];
    const buttons: ChatButton[] = [];
    for (const line of lines) {
      if (NOT_IN_CHAT.has(line.key)) continue;
      if (line.key === 'optionLine') {
        const label = String(line.values?.label ?? '');
        buttons.push({ title: label.startsWith('@') ? this.prompts.text(label.slice(1)) : label, value: String(line.values?.key ?? '') });
        continue;
      }
      if (YES_KEYS.has(line.key)) {
        buttons.push({ title: this.prompts.text('button.yes'), value: '1' });
        continue;
      }
      const noTitle = NO_KEYS[line.key];
      if (noTitle) {
        buttons.push({ title: this.prompts.text(noTitle), value: '2' });
        continue;
      }
      sentences.push(this.text(line));
    }
    if (options.offerHuman !== false && buttons.length > 0) buttons.push({ title: this.prompts.text('button.human'), value: HUMAN_VALUE });
    return { text: joinSentences(sentences), buttons };
  }

  /**
   * The flow's turn as a chat message (no TwiML verbs here: connecting is handled by the caller). A
   * frozen turn (a static one) is rendered once and its message, frozen too, is returned each time.
   */
  turn(turn: VoiceTurn): ChatMessage | null {
    if (!Object.isFrozen(turn)) return this.render(turn);
    let message = this.rendered.get(turn);
    if (message === undefined) {
      message = frozen(this.render(turn));
      this.rendered.set(turn, message);
    }
    return message;
  }

  private render(turn: VoiceTurn): ChatMessage | null {
    switch (turn.kind) {
      case 'ask':
        return this.message(turn.lines);
      case 'hangup':
        return this.message(turn.lines, { offerHuman: false });
      case 'connect':
        return this.message(turn.lines, { offerHuman: false });
      // The phone's emergency dial does not exist in the chat (the chat gives the numbers in writing).
      case 'dialOut':
      case 'silent':
        return null;
    }
  }
}
