/**
 * Turns a VoiceTurn into TwiML. Turns that are the same for every caller (a menu with its static
 * prompts) are rendered once and reused; the rest is built per call.
 */
import { twiml } from 'twilio';
import type { VoiceFlow } from '../flows/schema';
import type { PromptCatalog } from '../prompts/catalog';
import type { Target } from '../routing/types';
import { spelled, spokenDepartementCode, type Line, type VoiceTurn } from './turn';
import type { VoiceUrls } from './urls';

type VoiceResponse = InstanceType<typeof twiml.VoiceResponse>;
type Sayable = Pick<VoiceResponse, 'say'>;

export interface TaskAttributes {
  [name: string]: string | number | boolean | null | string[];
}

/** Bound of the content cache: the distinct read-backs and transfers number in the hundreds. */
const MAX_CONTENT_ENTRIES = 5000;

export class TwimlRenderer {
  private readonly cache = new Map<string, string>();
  private readonly byContent = new Map<string, string>();

  constructor(
    private readonly prompts: PromptCatalog,
    private readonly flow: VoiceFlow,
    private readonly urls: VoiceUrls,
  ) {}

  /**
   * The French text of one line, as it is said: values written "@key" are themselves prompt keys;
   * a ticket reference and last digits are spelled, a département code is said as people say it.
   */
  text(line: Line): string {
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(line.values ?? {})) {
      if (typeof value === 'string' && value.startsWith('@')) values[name] = this.prompts.text(value.slice(1));
      else if (name === 'ref' || name === 'lastDigits') values[name] = spelled(String(value));
      else if (name === 'code') values[name] = spokenDepartementCode(String(value));
      else values[name] = value;
    }
    return this.prompts.text(line.key, values);
  }

  sentences(lines: readonly Line[]): string {
    return lines.map((line) => this.text(line)).join(' ');
  }

  render(turn: VoiceTurn, callSid: string): string {
    const cacheKey = 'cacheKey' in turn ? turn.cacheKey : null;
    if (cacheKey !== null) {
      const cached = this.cache.get(cacheKey);
      if (cached !== undefined) return cached;
      const xml = this.build(turn, callSid);
      this.cache.set(cacheKey, xml);
      return xml;
    }
    // Not the same for every caller, but often the same for many (the read-back of a département,
    // the transfer to a territory's queue): rendered once per distinct content.
    const contentKey = this.contentKey(turn);
    if (contentKey === null) return this.build(turn, callSid);
    const cached = this.byContent.get(contentKey);
    if (cached !== undefined) return cached;
    const xml = this.build(turn, callSid);
    if (this.byContent.size < MAX_CONTENT_ENTRIES) this.byContent.set(contentKey, xml);
    return xml;
  }

  /**
   * Everything `build` reads from a turn, as one string (the flow, the prompts and the URLs are the
   * renderer's own: the lines' keys and values stand for their text, which is not worked out on a
   * hit); null for turns that carry a per-call part (a CallSid or a ticket ref in a URL or a task)
   * or whose text is per call (a hang-up that spells the ticket ref).
   */
  private contentKey(turn: VoiceTurn): string | null {
    switch (turn.kind) {
      case 'ask':
        return JSON.stringify([
          'ask',
          turn.lines,
          turn.slow,
          turn.numDigits,
          turn.finishOnKey || null,
          turn.departement,
          turn.hints.length > 0 ? turn.hints.slice(0, 40).join(', ') : null,
        ]);
      case 'dialOut':
        return JSON.stringify(['dialOut', turn.lines, turn.slow, turn.number, turn.departement]);
      case 'connect':
        if (turn.connection.target.type !== 'queue') return null;
        return JSON.stringify(['queue', turn.lines, turn.slow, turn.connection.target.name, turn.context.departement]);
      default:
        return null;
    }
  }

  private build(turn: VoiceTurn, callSid: string): string {
    const response = new twiml.VoiceResponse();
    switch (turn.kind) {
      case 'ask': {
        const gather = response.gather({
          input: ['dtmf', 'speech'],
          language: this.flow.gather.language as 'fr-FR',
          action: this.urls.step(turn.departement),
          method: 'POST',
          numDigits: turn.numDigits,
          ...(turn.finishOnKey ? { finishOnKey: turn.finishOnKey } : {}),
          timeout: turn.slow ? this.flow.gather.slowTimeoutSeconds : this.flow.gather.timeoutSeconds,
          speechTimeout: String(this.flow.gather.speechTimeout),
          ...(turn.hints.length > 0 ? { hints: turn.hints.slice(0, 40).join(', ') } : {}),
        });
        this.say(gather, this.sentences(turn.lines), turn.slow);
        // Gather ends without calling its action when the caller says nothing: we are told here.
        response.redirect({ method: 'POST' }, this.urls.noInput(turn.departement));
        break;
      }
      case 'connect':
        this.say(response, this.sentences(turn.lines), turn.slow);
        this.connect(response, turn.connection.target, callSid, turn.ticketRef, this.taskAttributes(turn), turn.context.departement);
        break;
      case 'hangup':
        this.say(response, this.sentences(turn.lines), turn.slow);
        response.hangup();
        break;
      case 'dialOut': {
        // The action brings the call back to us: a failed or unanswered dial still reaches an advisor.
        this.say(response, this.sentences(turn.lines), turn.slow);
        const dial = response.dial({ action: this.urls.dialResult(turn.departement), method: 'POST', timeout: 30 });
        dial.number(turn.number);
        break;
      }
      case 'silent':
        break;
    }
    return response.toString();
  }

  private taskAttributes(turn: Extract<VoiceTurn, { kind: 'connect' }>): TaskAttributes {
    const { context } = turn;
    return {
      type: 'orientation-360',
      ticketRef: turn.ticketRef,
      profile: context.profile,
      need: context.need,
      departement: context.departement,
      priority: context.priority,
      choices: context.choices.map((choice) => `${choice.step}=${choice.value}`),
    };
  }

  private connect(
    response: VoiceResponse,
    target: Target,
    callSid: string,
    ticketRef: string,
    attributes: TaskAttributes,
    departement: string | null,
  ): void {
    switch (target.type) {
      case 'queue':
        response.enqueue(
          { action: this.urls.queueResult(departement), method: 'POST', waitUrl: this.urls.queueWait(), waitUrlMethod: 'POST' },
          target.name,
        );
        return;
      case 'workflow': {
        const enqueue = response.enqueue({
          action: this.urls.queueResult(departement),
          method: 'POST',
          waitUrl: this.urls.queueWait(),
          waitUrlMethod: 'POST',
          workflowSid: target.workflowSid,
        });
        enqueue.task({ priority: attributes.priority === 'prioritaire' ? 10 : 0 }, JSON.stringify(attributes));
        return;
      }
      case 'dial': {
        const dial = response.dial({ action: this.urls.dialResult(departement), method: 'POST', answerOnBridge: true, timeout: 30 });
        const whisperUrl = this.urls.whisper(callSid, ticketRef);
        if ('number' in target) dial.number({ url: whisperUrl, method: 'POST' }, target.number);
        else dial.sip({ url: whisperUrl, method: 'POST' }, target.sip);
        return;
      }
    }
  }

  /** One <Say>, slowed down with SSML when the caller asked for it. */
  say(into: Sayable, text: string, slow: boolean): void {
    if (text === '') return;
    const voice = { voice: this.flow.gather.voice as 'Polly.Lea', language: this.flow.gather.language as 'fr-FR' };
    if (slow) into.say(voice, '').prosody({ rate: this.flow.gather.slowRate }, text);
    else into.say(voice, text);
  }
}
