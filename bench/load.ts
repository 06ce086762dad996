/**
 * The Twilio side of the voice benchmark: signed form-encoded webhooks over keep-alive connections,
 * whole caller journeys, latencies recorded per webhook. Loopback only; every loop is bounded.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { getExpectedTwilioSignature } from 'twilio';

export interface TwilioAccount {
  publicBaseUrl: string;
  authToken: string;
}

export interface Target {
  label: string;
  port: number;
  agent: http.Agent;
  /** Check that each answer is the TwiML the journey expects (the real app); the bare server is not checked. */
  verify: boolean;
}

/** One webhook of a journey: the public URL Twilio calls, what it posts, what the answer must contain. */
interface Step {
  publicUrl: string;
  extra: Record<string, string>;
  expect: string;
}

/**
 * The journey of callMachine.test.ts, as Twilio plays it: the call comes in, the caller presses 2
 * (aidant), 1, 3 (logement), types 44000, confirms with 1, and is put in the queue cercle-44.
 */
export function journeySteps(account: TwilioAccount): Step[] {
  const base = account.publicBaseUrl;
  const step = `${base}/voice/step`;
  const stepIn44 = `${base}/voice/step?d=44`;
  const action = (url: string) => `action="${url}"`;
  const keys = (digits: string) => ({ Digits: digits, FinishedOnKey: '' });
  return [
    { publicUrl: `${base}/voice/incoming`, extra: { CallStatus: 'ringing' }, expect: action(step) },
    { publicUrl: step, extra: keys('2'), expect: action(step) },
    { publicUrl: step, extra: keys('1'), expect: action(step) },
    { publicUrl: step, extra: keys('3'), expect: action(step) },
    { publicUrl: step, extra: keys('44000'), expect: action(stepIn44) },
    { publicUrl: stepIn44, extra: keys('1'), expect: '>cercle-44</Enqueue>' },
  ];
}

export const STEPS_PER_JOURNEY = 6;
/** What each webhook of the journey answers to, for the figures by webhook. */
export const STEP_LABELS = ['incoming', '2 profile', '1 group', '3 need', '44000', '1 → queue'];

let requestCounter = 0;
const runId = randomBytes(4).toString('hex');

function callParams(callSid: string, from: string, extra: Record<string, string>): Record<string, string> {
  return {
    AccountSid: 'AC00000000000000000000000000000000',
    ApiVersion: '2010-04-01',
    CallSid: callSid,
    CallStatus: 'in-progress',
    Called: '+33800360360',
    Caller: from,
    Direction: 'inbound',
    From: from,
    To: '+33800360360',
    ...extra,
  };
}

export class WebhookError extends Error {}

/** Posts one signed webhook as Twilio does; resolves with the status and the body. */
export function postWebhook(account: TwilioAccount, target: Target, publicUrl: string, params: Record<string, string>): Promise<{ status: number; body: string }> {
  const path = publicUrl.slice(account.publicBaseUrl.length);
  const body = new URLSearchParams(params).toString();
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': Buffer.byteLength(body),
    'x-twilio-signature': getExpectedTwilioSignature(account.authToken, publicUrl, params),
    'i-twilio-idempotency-token': `${runId}-${++requestCounter}`,
    'user-agent': 'TwilioProxy/1.1',
  };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: target.port, method: 'POST', path, headers, agent: target.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new WebhookError(`no answer within 10 s from ${path}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Latencies in milliseconds, kept whole to read exact percentiles. */
export class Latencies {
  private values = new Float64Array(1 << 14);
  count = 0;

  add(ms: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = ms;
  }

  summary(): { count: number; p50: number; p99: number; max: number } {
    const sorted = this.values.slice(0, this.count).sort();
    const at = (q: number) => (this.count === 0 ? Number.NaN : (sorted[Math.min(this.count - 1, Math.max(0, Math.ceil(q * this.count) - 1))] as number));
    return { count: this.count, p50: at(0.5), p99: at(0.99), max: this.count === 0 ? Number.NaN : (sorted[this.count - 1] as number) };
  }
}

export interface Errors {
  count: number;
  first: string[];
}

function recordError(errors: Errors, message: string): void {
  errors.count++;
  if (errors.first.length < 5) errors.first.push(message);
}

/** One caller going through the journey, one webhook at a time. */
export class Caller {
  private readonly callSid = `CA${randomBytes(16).toString('hex')}`;
  private readonly from = `+336${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  private next = 0;

  constructor(
    private readonly account: TwilioAccount,
    private readonly steps: Step[],
  ) {}

  get done(): boolean {
    return this.next >= this.steps.length;
  }

  /** Posts the next webhook; true when it was answered as expected. */
  async step(target: Target, latencies: Latencies, errors: Errors, byStep?: Latencies[]): Promise<boolean> {
    const index = this.next++;
    const step = this.steps[index];
    if (!step) throw new Error('the journey is over');
    const started = performance.now();
    const record = () => {
      const ms = performance.now() - started;
      latencies.add(ms);
      byStep?.[index]?.add(ms);
    };
    try {
      const { status, body } = await postWebhook(this.account, target, step.publicUrl, callParams(this.callSid, this.from, step.extra));
      record();
      if (status !== 200) {
        recordError(errors, `${step.publicUrl} answered ${status}: ${body.slice(0, 200)}`);
        return false;
      }
      if (target.verify && !body.includes(step.expect)) {
        recordError(errors, `${step.publicUrl} (${this.next}/${this.steps.length}): expected ${step.expect} in ${body.slice(0, 400)}`);
        return false;
      }
      return true;
    } catch (error) {
      record();
      recordError(errors, `${step.publicUrl}: ${(error as Error).message}`);
      return false;
    }
  }
}

/**
 * Closed loop: `concurrency` callers in flight, each starting a new journey as soon as its previous
 * one ends, until `durationMs` is over (journeys under way then are finished and counted). Latencies
 * and errors go to the given records when several runs add up to one measure.
 */
export async function closedLoop(
  account: TwilioAccount,
  target: Target,
  options: { concurrency: number; durationMs: number; latencies?: Latencies; errors?: Errors },
): Promise<{ journeys: number; webhooks: number; seconds: number; latencies: Latencies; errors: Errors }> {
  const steps = journeySteps(account);
  const latencies = options.latencies ?? new Latencies();
  const errors: Errors = options.errors ?? { count: 0, first: [] };
  const before = latencies.count;
  let journeys = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  async function worker(): Promise<void> {
    while (performance.now() < deadline) {
      const caller = new Caller(account, steps);
      let ok = true;
      while (ok && !caller.done) ok = await caller.step(target, latencies, errors);
      if (ok) journeys++;
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  const seconds = (performance.now() - started) / 1000;
  return { journeys, webhooks: latencies.count - before, seconds, latencies, errors };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Open schedule, as real calls arrive: `calls` lines each post the next webhook of their call every
 * `periodMs` (a call follows the previous one on its line), start times spread evenly over one period.
 * A line waits for its answer before its next webhook, as Twilio does.
 */
export async function steadyCalls(
  account: TwilioAccount,
  target: Target,
  options: { calls: number; periodMs: number; durationMs: number },
): Promise<{ webhooks: number; journeys: number; seconds: number; latencies: Latencies; byStep: Latencies[]; errors: Errors }> {
  const steps = journeySteps(account);
  const latencies = new Latencies();
  const byStep = steps.map(() => new Latencies());
  const errors: Errors = { count: 0, first: [] };
  let journeys = 0;
  const started = performance.now();
  const end = started + options.durationMs;
  async function line(index: number): Promise<void> {
    let due = started + (index * options.periodMs) / options.calls;
    let caller = new Caller(account, steps);
    while (due < end) {
      await sleep(due - performance.now());
      const ok = await caller.step(target, latencies, errors, byStep);
      if (ok && caller.done) journeys++;
      if (!ok || caller.done) caller = new Caller(account, steps);
      due += options.periodMs;
    }
  }
  await Promise.all(Array.from({ length: options.calls }, (_, index) => line(index)));
  return { webhooks: latencies.count, journeys, seconds: (performance.now() - started) / 1000, latencies, byStep, errors };
}
