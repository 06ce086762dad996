/**
 * Plays a caller against the running app as Twilio would: signed form posts to the public URLs,
 * the TwiML read back, `action` and `<Redirect>` URLs followed. Several app processes can be given:
 * the call's webhooks then alternate between them.
 */
import { randomBytes } from 'node:crypto';
import { getExpectedTwilioSignature } from 'twilio';
import { find, parseTwiml, spokenText, type TwimlNode } from './twimlReader';

export interface AppEndpoint {
  /** Where the process listens, e.g. http://127.0.0.1:41234 */
  httpBase: string;
}

export interface TwilioSide {
  publicBaseUrl: string;
  authToken: string;
  endpoints: AppEndpoint[];
}

export type CallEnd =
  | { kind: 'queue'; name: string; action?: string; waitUrl?: string }
  | { kind: 'workflow'; workflowSid: string; task: Record<string, unknown>; action?: string }
  | { kind: 'dial'; number?: string; sip?: string; whisperUrl?: string; action?: string }
  | { kind: 'hangup' }
  | { kind: 'gather' }
  | { kind: 'queue-verb'; verb: string };

export function newCallSid(): string {
  return `CA${randomBytes(16).toString('hex')}`;
}

export interface PostResult {
  status: number;
  body: string;
}

/** Sends one signed webhook as Twilio does. */
export async function postSigned(
  side: TwilioSide,
  publicUrl: string,
  params: Record<string, string>,
  options: { endpoint?: AppEndpoint; idempotencyToken?: string; signature?: string | null } = {},
): Promise<PostResult> {
  const url = new URL(publicUrl);
  const base = new URL(side.publicBaseUrl);
  if (url.origin !== base.origin) throw new Error(`Twilio would not call ${publicUrl}: not under ${side.publicBaseUrl}`);
  const endpoint = options.endpoint ?? side.endpoints[0];
  if (!endpoint) throw new Error('no app endpoint');
  const signature = options.signature === undefined ? getExpectedTwilioSignature(side.authToken, publicUrl, params) : options.signature;
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    'i-twilio-idempotency-token': options.idempotencyToken ?? randomBytes(8).toString('hex'),
    'user-agent': 'TwilioProxy/1.1',
  };
  if (signature !== null) headers['x-twilio-signature'] = signature;
  const response = await fetch(`${endpoint.httpBase}${url.pathname}${url.search}`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: await response.text() };
}

export class SimulatedCall {
  readonly callSid = newCallSid();
  readonly from: string;
  current: TwimlNode | null = null;
  /** Every TwiML document this call received, in order. */
  readonly documents: TwimlNode[] = [];
  private turn = 0;

  constructor(
    private readonly side: TwilioSide,
    options: { from?: string } = {},
  ) {
    this.from = options.from ?? '+33612345678';
  }

  private params(extra: Record<string, string> = {}): Record<string, string> {
    return {
      AccountSid: 'AC00000000000000000000000000000000',
      ApiVersion: '2010-04-01',
      CallSid: this.callSid,
      CallStatus: 'in-progress',
      Called: '+33800360360',
      Caller: this.from,
      Direction: 'inbound',
      From: this.from,
      To: '+33800360360',
      ...extra,
    };
  }

  /** Posts to a URL Twilio was given, reads the TwiML, follows a lone <Redirect>. */
  async post(publicUrl: string, extra: Record<string, string> = {}, options: { idempotencyToken?: string } = {}): Promise<TwimlNode> {
    const endpoints = this.side.endpoints;
    const endpoint = endpoints[this.turn++ % endpoints.length];
    const result = await postSigned(this.side, publicUrl, this.params(extra), { ...options, endpoint });
    if (result.status !== 200) throw new Error(`${publicUrl} answered ${result.status}: ${result.body}`);
    const document = parseTwiml(result.body);
    this.current = document;
    this.documents.push(document);
    return document;
  }

  async dial(): Promise<this> {
    await this.post(`${this.side.publicBaseUrl}/voice/incoming`, { CallStatus: 'ringing' });
    return this;
  }

  private gatherNode(): TwimlNode {
    const gather = this.current && find(this.current, 'Gather');
    if (!gather) throw new Error(`No <Gather> in the current TwiML: the caller cannot answer. Heard: ${this.spoken()}`);
    return gather;
  }

  /** The caller types keys. */
  async press(digits: string): Promise<this> {
    const gather = this.gatherNode();
    await this.post(absolute(this.side, gather.attrs.action), { Digits: digits, FinishedOnKey: '' });
    return this;
  }

  /** The caller speaks; Twilio posts the transcription. */
  async say(words: string): Promise<this> {
    const gather = this.gatherNode();
    await this.post(absolute(this.side, gather.attrs.action), { SpeechResult: words, Confidence: '0.87' });
    return this;
  }

  /** The caller says nothing: Gather times out and Twilio goes on to the next verb, the <Redirect>. */
  async silence(): Promise<this> {
    this.gatherNode();
    const redirect = this.current ? this.current.children.find((node) => node.name === 'Redirect') : undefined;
    if (!redirect) throw new Error('Nothing follows the <Gather>: Twilio would hang up on silence');
    await this.post(absolute(this.side, redirect.text));
    return this;
  }

  /** Twilio calls <Enqueue action> when the caller leaves the queue. */
  async queueResult(result: 'bridged' | 'leave' | 'queue-full' | 'error' | 'hangup' | 'system-error', queueTime = 30): Promise<this> {
    const end = this.end();
    if (end.kind !== 'queue' && end.kind !== 'workflow') throw new Error(`not in a queue: ${JSON.stringify(end)}`);
    if (!end.action) throw new Error('the <Enqueue> has no action: Twilio would end the call');
    await this.post(absolute(this.side, end.action), { QueueResult: result, QueueTime: String(queueTime), QueueSid: 'QU00000000000000000000000000000000' });
    return this;
  }

  /** Twilio calls <Dial action> when the dialled leg ends. */
  async dialResult(status: 'completed' | 'busy' | 'no-answer' | 'failed' | 'canceled'): Promise<this> {
    const end = this.end();
    if (end.kind !== 'dial' || !end.action) throw new Error(`not dialling with an action: ${JSON.stringify(end)}`);
    await this.post(absolute(this.side, end.action), { DialCallStatus: status, DialCallDuration: '42' });
    return this;
  }

  /** The TwiML Twilio plays while the caller waits in the queue (it fetches the waitUrl again and again). */
  async waitMusic(queue: { QueuePosition: number; QueueTime: number; AvgQueueTime: number }): Promise<TwimlNode> {
    const end = this.end();
    if (end.kind !== 'queue' && end.kind !== 'workflow') throw new Error('not in a queue');
    const waitUrl = 'waitUrl' in end ? end.waitUrl : undefined;
    if (!waitUrl) throw new Error('no waitUrl');
    const params = this.params({
      QueuePosition: String(queue.QueuePosition),
      QueueTime: String(queue.QueueTime),
      AvgQueueTime: String(queue.AvgQueueTime),
      CurrentQueueSize: String(queue.QueuePosition),
      QueueSid: 'QU00000000000000000000000000000000',
    });
    const result = await postSigned(this.side, absolute(this.side, waitUrl), params);
    if (result.status !== 200) throw new Error(`waitUrl answered ${result.status}`);
    return parseTwiml(result.body);
  }

  /** The status callback Twilio sends when the call is over. */
  async hangUp(status = 'completed'): Promise<number> {
    const result = await postSigned(this.side, `${this.side.publicBaseUrl}/voice/status`, this.params({ CallStatus: status, CallDuration: '95' }));
    return result.status;
  }

  spoken(): string {
    return this.current ? spokenText(this.current) : '';
  }

  /** Where the current TwiML leaves the caller. */
  end(): CallEnd {
    const doc = this.current;
    if (!doc) throw new Error('no TwiML yet');
    const last = doc.children[doc.children.length - 1];
    if (!last) return { kind: 'hangup' };
    switch (last.name) {
      case 'Enqueue': {
        const task = last.children.find((c) => c.name === 'Task');
        if (last.attrs.workflowSid) {
          return { kind: 'workflow', workflowSid: last.attrs.workflowSid, task: task ? (JSON.parse(task.text) as Record<string, unknown>) : {}, action: last.attrs.action };
        }
        return { kind: 'queue', name: last.text, action: last.attrs.action, waitUrl: last.attrs.waitUrl };
      }
      case 'Dial': {
        const number = last.children.find((c) => c.name === 'Number');
        const sip = last.children.find((c) => c.name === 'Sip');
        return { kind: 'dial', number: number?.text, sip: sip?.text, whisperUrl: (number ?? sip)?.attrs.url, action: last.attrs.action };
      }
      case 'Hangup':
        return { kind: 'hangup' };
      case 'Redirect':
        return doc.children.some((c) => c.name === 'Gather') ? { kind: 'gather' } : { kind: 'queue-verb', verb: 'Redirect' };
      default:
        return { kind: 'queue-verb', verb: last.name };
    }
  }
}

function absolute(side: TwilioSide, url: string | undefined): string {
  if (!url) throw new Error('missing URL');
  return new URL(url, `${side.publicBaseUrl}/voice/`).toString();
}
