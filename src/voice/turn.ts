/**
 * What the caller hears next, derived from the call's snapshot: channel-neutral (prompt keys and
 * values, what input is expected, where the call goes). The TwiML renderer turns it into XML.
 */
import type { VoiceFlow } from '../flows/schema';
import type { Departement } from '../domain/ports';
import type { DepartementCode } from '../domain/vocabulary';
import type { CallContext, Connection, MenuStep } from './callMachine';

/**
 * One sentence: a prompt key and the values of its placeholders. Values are written plainly; the
 * phone renderer spells `ref` and `lastDigits` and says `code` as a département code.
 */
export interface Line {
  key: string;
  values?: Record<string, string | number>;
}

export type VoiceTurn =
  | {
      kind: 'ask';
      step: MenuStep;
      lines: Line[];
      /** Keys accepted: one key for menus, several digits for a postcode or a phone number. */
      numDigits: number;
      finishOnKey?: string;
      hints: string[];
      slow: boolean;
      /** Known département (rides along in the URLs), else null. */
      departement: DepartementCode | null;
      /** Same text for every caller in this situation: the rendered TwiML can be reused. */
      cacheKey: string | null;
    }
  | { kind: 'connect'; lines: Line[]; connection: Connection; ticketRef: string; context: CallContext; slow: boolean }
  | { kind: 'hangup'; lines: Line[]; slow: boolean; cacheKey: string | null }
  /** Put through to an emergency number (no whisper: not one of our advisors); its result comes back as DIAL_RESULT. */
  | { kind: 'dialOut'; lines: Line[]; number: string; slow: boolean; departement: DepartementCode | null }
  | { kind: 'silent' };

export interface TurnDeps {
  flow: VoiceFlow;
  departement(code: DepartementCode): Departement | undefined;
}

/** Reads a ticket reference or a code one character at a time: « T 4 4 7 K 3 ». */
export function spelled(text: string): string {
  return text.replace(/-/g, '').split('').join(' ');
}

export function spokenDepartementCode(code: DepartementCode): string {
  return code.length === 2 && /^\d\d$/.test(code) ? code : spelled(code);
}

const MENU_STEPS = new Set<string>([
  'profile',
  'needGroup',
  'need',
  'postcode',
  'chooseDepartement',
  'confirmDepartement',
  'closedOffer',
  'callbackConfirm',
  'callbackEntry',
  'danger',
  'dangerCheck',
]);

/** Menus whose turn is the same for every caller in the same situation (its cache key). */
const STATIC_STEPS = new Set<string>(['profile', 'needGroup', 'need', 'postcode', 'callbackEntry']);
/** Bound of the static turns kept per flow (steps × groups × problems × tries × notices × pace × départements). */
const MAX_STATIC_TURNS = 5000;
/** The static turns already worked out, per TurnDeps (one per configuration version). */
const staticTurns = new WeakMap<TurnDeps, Map<string, VoiceTurn>>();

/** The cache key of a static menu's turn: everything in the context its text and TwiML depend on. */
function staticKey(step: MenuStep, context: CallContext): string {
  return [step, context.needGroup ?? '', context.lastProblem ?? '', context.attempts, context.notice ?? '', context.slow, context.departement ?? ''].join(':');
}

export function turnFor(stateValue: string, context: CallContext, deps: TurnDeps): VoiceTurn {
  if (STATIC_STEPS.has(stateValue)) {
    // Worked out once per situation: every caller there gets the same (frozen) turn.
    const key = staticKey(stateValue as MenuStep, context);
    let known = staticTurns.get(deps);
    if (known === undefined) staticTurns.set(deps, (known = new Map()));
    const kept = known.get(key);
    if (kept !== undefined) return kept;
    const turn = askTurn(stateValue as MenuStep, context, deps);
    if (known.size < MAX_STATIC_TURNS) known.set(key, deepFreeze(turn));
    return turn;
  }
  if (MENU_STEPS.has(stateValue)) return askTurn(stateValue as MenuStep, context, deps);
  switch (stateValue) {
    case 'connecting':
      return connectTurn(context);
    case 'dangerDial': {
      const number = context.dangerNumber ?? '112';
      return { kind: 'dialOut', lines: [{ key: 'danger.dialing', values: { number } }], number, slow: context.slow, departement: context.departement };
    }
    case 'callbackBooked':
      return {
        kind: 'hangup',
        slow: context.slow,
        cacheKey: null,
        lines: [
          { key: 'callback.booked' },
          ...(context.route?.kind === 'closed' && context.route.hoursInWords ? [{ key: 'callback.whenOpen', values: { hours: context.route.hoursInWords } }] : []),
          { key: 'callback.reference', values: { ref: context.ticketRef ?? '' } },
          { key: 'goodbye' },
        ],
      };
    case 'declined':
      return {
        kind: 'hangup',
        slow: context.slow,
        cacheKey: null,
        lines: [
          ...(context.route?.kind === 'closed' && context.route.hoursInWords ? [{ key: 'closed.noCallback', values: { hours: context.route.hoursInWords } }] : []),
          { key: 'goodbye' },
        ],
      };
    case 'ended':
      return { kind: 'hangup', slow: context.slow, cacheKey: `ended:${context.slow}`, lines: [{ key: 'goodbye' }] };
    default:
      return { kind: 'silent' };
  }
}

function connectTurn(context: CallContext): VoiceTurn {
  const connection = context.connection;
  if (!connection) throw new Error('connecting without a connection');
  const lines: Line[] = [];
  if (connection.crisisMessage) lines.push({ key: 'crisis.message', values: { message: connection.crisisMessage } });
  else if (connection.reason === 'asked' || connection.reason === 'danger') lines.push({ key: 'transfer.asked' });
  else if (connection.reason === 'retries') lines.push({ key: 'transfer.afterRetries' });
  else if (connection.reason === 'queueProblem') lines.push({ key: 'technicalProblem' });
  else lines.push({ key: connection.scope === 'territory' ? 'transfer.territory' : 'transfer.national' });
  if (context.priority === 'prioritaire') lines.push({ key: 'transfer.priority' });
  return { kind: 'connect', lines, connection, ticketRef: context.ticketRef ?? '', context, slow: context.slow };
}

function askTurn(step: MenuStep, context: CallContext, deps: TurnDeps): VoiceTurn {
  const { flow } = deps;
  const lines: Line[] = [];
  if (context.notice === 'slower') lines.push({ key: 'slower' });
  if (context.notice === 'dialFailed') lines.push({ key: 'callback.afterDialFailure' });
  if (context.lastProblem) {
    lines.push({ key: `retry.${context.lastProblem}.${Math.min(Math.max(context.attempts, 1), 2)}` });
  }
  const firstWords = step === 'profile' && context.lastProblem === null && context.notice === null;
  let numDigits = 1;
  let finishOnKey: string | undefined;
  let hints: string[] = [];
  let isStatic = true;

  const options = (entries: ReadonlyArray<{ key: string; label: string }>) => {
    for (const entry of entries) lines.push({ key: 'optionLine', values: { label: entry.label, key: entry.key } });
  };

  switch (step) {
    case 'profile':
      if (firstWords) lines.push({ key: 'welcome' }, { key: 'help' });
      lines.push({ key: 'profile.question' });
      options(flow.profile.options.map((o) => ({ key: o.key, label: `@profile.option.${o.profile}` })));
      lines.push({ key: 'speechHint' });
      hints = flow.profile.options.flatMap((o) => o.synonyms.slice(0, 4));
      break;
    case 'needGroup':
      lines.push({ key: 'needGroup.question' });
      options(flow.needs.groups.map((g) => ({ key: g.key, label: `@needGroup.option.${g.group}` })));
      hints = flow.needs.groups.flatMap((g) => g.needs.flatMap((n) => n.synonyms.slice(0, 2)));
      break;
    case 'need': {
      const group = flow.needs.groups.find((g) => g.group === context.needGroup);
      lines.push({ key: 'need.question' });
      options((group?.needs ?? []).map((n) => ({ key: n.key, label: `@need.option.${n.need}` })));
      hints = (group?.needs ?? []).flatMap((n) => n.synonyms.slice(0, 3));
      break;
    }
    case 'postcode':
      lines.push({ key: 'postcode.question' }, { key: 'postcode.howTo' });
      numDigits = flow.postcode.digits;
      finishOnKey = flow.postcode.finishOnKey;
      break;
    case 'chooseDepartement':
      isStatic = false;
      lines.push({ key: 'departement.choose' });
      options(
        context.departementCandidates.map((code, index) => ({
          key: String(index + 1),
          label: deps.departement(code)?.name ?? code,
        })),
      );
      // Another place is heard too (a département, a postcode): the one meant may not be listed.
      lines.push({ key: 'departement.orSay' });
      hints = context.departementCandidates.map((code) => deps.departement(code)?.name ?? code);
      break;
    case 'confirmDepartement': {
      isStatic = false;
      const code = context.departement ?? '';
      lines.push(
        { key: 'departement.confirm', values: { code, name: deps.departement(code)?.name ?? code } },
        { key: 'departement.isItRight' },
        { key: 'departement.yes' },
        { key: 'departement.no' },
      );
      hints = ['oui', 'non'];
      break;
    }
    case 'closedOffer': {
      isStatic = false;
      const route = context.route;
      if (route?.kind === 'closed') {
        if ((route.whenClosed === 'message' || route.reason === 'closure') && route.message) lines.push({ key: 'closed.message', values: { message: route.message } });
        else lines.push({ key: 'closed.intro' });
        if (route.reason === 'holiday') lines.push({ key: 'closed.holiday' });
        if (route.hoursInWords) lines.push({ key: 'closed.hours', values: { hours: route.hoursInWords } });
      }
      lines.push({ key: 'closed.question' }, { key: 'closed.yes' }, { key: 'closed.no' });
      hints = ['oui', 'non'];
      break;
    }
    case 'callbackConfirm':
      isStatic = false;
      lines.push(
        { key: 'callback.confirmNumber', values: { lastDigits: context.caller?.lastDigits ?? '' } },
        { key: 'callback.isItRight' },
        { key: 'callback.yes' },
        { key: 'callback.other' },
      );
      hints = ['oui', 'non'];
      break;
    case 'danger': {
      // The sentence for this danger (content/fr/safety.yaml) only the first time; the choice every time.
      isStatic = false;
      if (context.lastProblem === null && context.notice === null && context.danger) lines.push({ key: `danger.said.${context.danger}` });
      lines.push({ key: 'danger.dial', values: { number: context.dangerNumber ?? '112' } }, { key: 'danger.advisor' });
      hints = ['oui', 'non', ...flow.danger.dial.synonyms.slice(0, 3), ...flow.danger.advisor.synonyms.slice(0, 3)];
      break;
    }
    case 'dangerCheck': {
      // Maybe words of danger: that kind's number, then the question (content/fr/safety.yaml check.phone).
      isStatic = false;
      const kind = context.dangerCheck?.kind ?? 'danger_immediat';
      lines.push({ key: `danger.check.${kind}.say` }, { key: `danger.check.${kind}.ask` });
      hints = ['oui', 'non'];
      break;
    }
    case 'callbackEntry':
      lines.push({ key: 'callback.enterNumber' });
      numDigits = flow.callback.numberDigits;
      finishOnKey = '#';
      break;
  }
  const cacheKey = isStatic ? staticKey(step, context) : null;
  return { kind: 'ask', step, lines, numDigits, finishOnKey, hints, slow: context.slow, departement: context.departement, cacheKey };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const field of Object.values(value)) deepFreeze(field);
  }
  return value;
}
