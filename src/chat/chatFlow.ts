/**
 * The chat's steps through the orientation machine: one event in (advance), tickets saved, and the
 * hand-off to a human — the one département question before it, the waiting list, the truth about
 * opening hours, and the callback offer when the territory is closed.
 */
import type { CallContext, CallEvent } from '../voice/callMachine';
import { ticketDraftFrom, type TicketEffect } from '../voice/ticketEffect';
import { turnFor, type Line } from '../voice/turn';
import { CONSENT_PROMPT_KEYS, LINK_NO, LINK_YES } from '../people/chatConsent';
import { HUMAN_VALUE, type ChatButton, type ChatMessage } from './chatRenderer';
import { menu, MISSES_BEFORE_HUMAN, say, sentences, summary, type ChatStep } from './chatRuntime';
import { chatQueueName, type ChatInput, type ChatReply, type PendingHandoff } from './chatState';

/** The button that declines the département question: the hand-off goes to the national team. */
export const SKIP_DEPARTEMENT_VALUE = 'dep:none';
const DEPARTEMENT_CHOICE = 'dep:';
/** After a closed hand-off, the person answers the callback offer while the chat waits for advisors. */
export const CALLBACK_OFFER_STATES = new Set(['closedOffer', 'callbackConfirm', 'callbackEntry']);

/** One event through the orientation machine; effects executed; the replies of the new state. */
export async function advance(step: ChatStep, event: CallEvent): Promise<ChatReply[]> {
  const { chat, rt, deps } = step;
  const restored = rt.pure.restore(chat.value, chat.context);
  const [next, actions] = rt.pure.transition(restored, event);
  const reason = next.context.connection?.reason;
  const toNationalUnasked =
    String(next.value) === 'connecting' && next.context.departement === null && next.context.route?.kind !== 'crisis' && (reason === 'asked' || reason === 'retries');
  if (toNationalUnasked && !chat.departementAsked) return askDepartement(step, reason);
  chat.value = String(next.value);
  chat.context = next.context;
  chat.misses = 0;
  const now = deps.clock.now().toISOString();
  for (const action of actions) {
    if (action.type !== 'saveTicket') continue;
    const effect = action.params as TicketEffect;
    // A conversation's hand-off counts once, as a call's does: handed back to the bot and over again is the
    // same one (`chat.handoff` is set by its first hand-off); a callback request counts when asked for.
    if (effect.kind === 'callback' || chat.handoff === undefined) deps.metrics.ticketSaved('chat', effect);
    if (!chat.contactCounted) {
      // One contact per conversation: a closed hand-off followed by a callback request is one person.
      deps.metrics.chatContact(effect.departement, effect.need);
      chat.contactCounted = true;
    }
    const draft = ticketDraftFrom(effect, 'chat', now, {
      summary: summary(step),
      transcript: await step.transcript(),
      ...(chat.danger ? { danger: chat.danger } : {}),
    });
    await deps.tickets.createOrUpdate(draft);
  }
  if (chat.value === 'connecting') return handOff(step);
  if (chat.value === 'callbackBooked' && deps.people && (chat.context.callbackNumber || chat.context.callbackEmail)) {
    chat.linkConsent = 'asked';
    const yes = { title: rt.renderer.text({ key: 'button.yes' }), value: LINK_YES };
    const no = { title: rt.renderer.text({ key: 'button.no' }), value: LINK_NO };
    return [...menu(step), { kind: 'message', text: rt.renderer.text({ key: CONSENT_PROMPT_KEYS.question }), buttons: [yes, no] }];
  }
  return menu(step);
}

/**
 * The person asked for a human (or was not understood twice) before giving a département: one
 * question first, so that the advisors of their own territory get the request.
 */
function askDepartement(step: ChatStep, reason: PendingHandoff['reason']): ChatReply[] {
  step.chat.departementAsked = true;
  step.chat.pendingHandoff = { reason, misses: 0, candidates: [] };
  return [{ kind: 'message', text: sentences(step.rt, 'chat.departementQuestion', 'chat.departementHowTo'), buttons: [skipDepartementButton(step)] }];
}

/** The answer to the département question: a département, a choice among several, or a refusal. */
export async function answerDepartement(step: ChatStep, pending: PendingHandoff, input: ChatInput, text: string): Promise<ChatReply[]> {
  const choice = input.choice?.trim();
  if (choice === SKIP_DEPARTEMENT_VALUE || choice === HUMAN_VALUE) return handOverWith(step, pending, null, input.at);
  if (choice?.startsWith(DEPARTEMENT_CHOICE) && pending.candidates.includes(choice.slice(DEPARTEMENT_CHOICE.length))) {
    return handOverWith(step, pending, choice.slice(DEPARTEMENT_CHOICE.length), input.at, 'dtmf');
  }
  const candidates = text === '' ? [] : departementsIn(step, text, input.at);
  const [only] = candidates;
  if (candidates.length === 1 && only) return handOverWith(step, pending, only, input.at, 'speech');
  if (candidates.length > 1) {
    pending.candidates = candidates;
    const buttons = candidates.map((code) => ({ title: step.rt.turnDeps.departement(code)?.name ?? code, value: `${DEPARTEMENT_CHOICE}${code}` }));
    return [{ kind: 'message', text: sentences(step.rt, 'departement.choose', 'departement.orSay'), buttons: [...buttons, skipDepartementButton(step)] }];
  }
  pending.misses += 1;
  if (pending.misses >= MISSES_BEFORE_HUMAN) return [say(step.rt, 'chat.departementUnknown'), ...(await handOverWith(step, pending, null, input.at))];
  return [{ kind: 'message', text: sentences(step.rt, 'chat.departementNotFound', 'chat.departementHowTo'), buttons: [skipDepartementButton(step)] }];
}

/** The départements a text names (a postcode, a name, a number), read as the orientation's postcode step reads it. */
function departementsIn({ chat, rt }: ChatStep, text: string, at: string): string[] {
  const atPostcode = rt.pure.restore('postcode', { ...chat.context, attempts: 0, lastProblem: null, notice: null });
  // The whole text (« 44000 », « Loire-Atlantique », « le 44 »), else a postcode inside it (« Nantes 44000 »).
  for (const said of [text, ...(text.match(/(?<!\d)\d{5}(?!\d)/g) ?? [])]) {
    const [next] = rt.pure.transition(atPostcode, { type: 'INPUT', at, speech: said });
    const value = String(next.value);
    if (value === 'confirmDepartement' || value === 'chooseDepartement') return [...next.context.departementCandidates];
  }
  return [];
}

/** The hand-off goes on with the département given (a button: 'dtmf', written: 'speech'), or none (the national list). */
function handOverWith(step: ChatStep, pending: PendingHandoff, departement: string | null, at: string, via: 'dtmf' | 'speech' = 'speech'): Promise<ChatReply[]> {
  const { chat } = step;
  chat.pendingHandoff = null;
  if (departement !== null) {
    const { context } = chat;
    chat.context = { ...context, departement, departementCandidates: [departement], choices: [...context.choices, { step: 'postcode', value: departement, via }] };
  }
  return advance(step, { type: 'TO_HUMAN', at, reason: pending.reason });
}

function skipDepartementButton({ rt }: ChatStep): ChatButton {
  return { title: rt.renderer.text({ key: 'button.skipDepartement' }), value: SKIP_DEPARTEMENT_VALUE };
}

/**
 * The request is in the waiting list of the territory (or the national one). The person is told
 * the truth: when the territory is open (hours, holidays, crisis: the routing decision), an advisor
 * answers here; when it is closed, its hours and a callback offer, not a promise.
 */
async function handOff(step: ChatStep): Promise<ChatReply[]> {
  const { chat, rt, deps } = step;
  const { context } = chat;
  const ref = context.ticketRef ?? '';
  const queue = chatQueueName(context.departement);
  chat.mode = 'waiting';
  chat.acknowledged = false;
  chat.pendingHandoff = null;
  if (chat.handoff === undefined || chat.handoff === 'callback') chat.handoff = 'waiting';
  await deps.waitingRoom.join(queue, context.callSid, deps.clock.now());
  const territory = context.route && context.route.kind !== 'crisis' ? context.route.territoryName : null;
  const closed = context.route?.kind === 'closed';
  const message = closed ? closedHandOff(step, ref) : openHandOff(step, context, ref, territory);
  // The person's MDPH and local offers for their need: before a question (closed), else after the news.
  const help = context.departement ? await rt.knowledge.localHelp(context.departement, context.need) : null;
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
        summary: summary(step),
        queue,
      },
      transcript: await step.transcript(),
    },
  ];
}

function openHandOff({ rt }: ChatStep, context: CallContext, ref: string, territory: string | null): ChatMessage {
  const turn = turnFor('connecting', context, rt.turnDeps);
  const lines: Line[] = turn.kind === 'connect' ? [...turn.lines] : [];
  lines.push({ key: 'chat.escalated', values: { ref } }, { key: 'chat.whatNext' });
  const hours = rt.hoursInWords(context.departement);
  if (hours && territory && context.connection?.scope === 'territory') lines.push({ key: 'chat.hoursOpen', values: { territory, hours } });
  return rt.renderer.message(lines, { offerHuman: false });
}

/** Nobody answers now: the request waits for the advisors' return; the closed offer (callback) follows. */
function closedHandOff({ chat, rt }: ChatStep, ref: string): ChatMessage {
  chat.value = 'closedOffer';
  chat.context = { ...chat.context, attempts: 0, lastProblem: null, notice: null };
  const offer = turnFor('closedOffer', chat.context, rt.turnDeps);
  const lines: Line[] = [{ key: 'chat.escalated', values: { ref } }];
  for (const line of offer.kind === 'ask' ? offer.lines : []) {
    if (line.key === 'closed.question') lines.push({ key: 'chat.closedSeen' });
    lines.push(line);
  }
  return rt.renderer.message(lines, { offerHuman: false });
}

/**
 * The person answers the callback offer of a closed hand-off (yes, no, a phone number or an e-mail).
 * Null when the answer is for the advisors instead (the flow would hand over again).
 */
export async function callbackOffer(step: ChatStep, input: ChatInput, text: string): Promise<ChatReply[] | null> {
  const { chat, rt, deps } = step;
  const choice = input.choice?.trim();
  if (!choice && text === '') return null;
  const event: CallEvent = choice ? { type: 'INPUT', at: input.at, digits: choice } : { type: 'INPUT', at: input.at, speech: text };
  const restored = rt.pure.restore(chat.value, chat.context);
  const [next] = rt.pure.transition(restored, event);
  if (String(next.value) === 'connecting') return null;
  const replies = await advance(step, event);
  if (chat.value === 'callbackBooked' || chat.value === 'declined') {
    // Booked: the request is now a callback (the callback list). Declined: it stays in the waiting list; the bot answers meanwhile.
    chat.mode = 'bot';
    if (chat.value === 'callbackBooked') {
      await deps.waitingRoom.leave(chatQueueName(chat.context.departement), chat.context.callSid);
      if (chat.handoff === 'waiting') chat.handoff = 'callback';
    }
  }
  return replies.map((reply) => (reply.kind === 'message' ? { ...reply, buttons: reply.buttons.filter((b) => b.value !== HUMAN_VALUE) } : reply));
}
