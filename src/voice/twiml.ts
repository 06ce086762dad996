/**
 * Turns a VoiceTurn into TwiML. Turns that are the same for every caller (a menu with its static
 * prompts) are rendered once and reused; the rest is built per call.
 */
import { twiml } from 'twilio';
import type { VoiceFlow } from '../flows/schema';
import type { PromptCatalog } from '../prompts/catalog';
import type { Target } from '../routing/types';
import type { Line, VoiceTurn } from './turn';
import type { VoiceUrls } from './urls';

type VoiceResponse = InstanceType<typeof twiml.VoiceResponse>;
type Sayable = Pick<VoiceResponse, 'say'>;

export interface TaskAttributes {
  [name: string]: string | number | boolean | null | string[];
}

export class TwimlRenderer {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly prompts: PromptCatalog,
    private readonly flow: VoiceFlow,
    private readonly urls: VoiceUrls,
  ) {}

  /** The French text of one line; values written "@key" are themselves prompt keys. */
  text(line: Line): string {
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(line.values ?? {})) {
      values[name] = typeof value === 'string' && value.startsWith('@') ? this.prompts.text(value.slice(1)) : value;
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
    }
    const xml = this.build(turn, callSid);
    if (cacheKey !== null) this.cache.set(cacheKey, xml);
    return xml;
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
