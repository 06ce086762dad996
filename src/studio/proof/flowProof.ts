/**
 * The proof of the call flow, on the machine itself (@xstate/graph): every state the draft can reach,
 * with the keys and words a caller can give and the answers Twilio can send, is explored; then
 * - from every state some path reaches a human, an answer or a goodbye after a callback offer (no trap);
 * - at every menu, a caller who says nothing reaches such an end in a few turns (no loop without exit);
 * - at every menu, 0 reaches a human.
 */
import { getAdjacencyMap } from '@xstate/graph';
import type { AppConfig } from '../../config/appConfig';
import type { CallEvent, CallInput, MenuStep } from '../../voice/callMachine';
import { blocking, FLOW_FILE, inFile, type Finding } from './finding';
import { CALLERS, CLOSED_AT, GOOD_ENDS, isMenu, menuField, MENU_NAMES, OPEN_AT, playedFlow, type CallSnapshot, type PlayedFlow } from './playedFlow';

/** Tries counted apart up to here (the schema allows 4 retries); more are the same state. */
const ATTEMPTS_SEEN = 6;
/** Turns of silence after which a caller who has not reached an end is turning in circles. */
const SILENT_TURNS = ATTEMPTS_SEEN + 1;
/** States explored at most (the shipped flow has a few hundred). */
const EXPLORATION_LIMIT = 50_000;

const KEYS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#'];
/** Typed answers: a postcode of one département, one shared by two, a phone number. */
const TYPED = ['44000', '05110', '0612345678'];
const DANGER_WORDS = 'je vais me tuer';

function serialize(snapshot: CallSnapshot): string {
  const value = String(snapshot.value);
  const c = snapshot.context;
  return JSON.stringify([
    value,
    Math.min(c.attempts, ATTEMPTS_SEEN),
    value === 'need' ? c.needGroup : null,
    value === 'chooseDepartement' || value === 'confirmDepartement' ? [c.departementCandidates, c.departement] : null,
    c.route?.kind ?? null,
    c.connection?.scope ?? null,
    c.caller === null,
  ]);
}

/** What a caller can say at a menu: the first words of each option there, the universal words, yes, no, a place, danger. */
function wordsAt(config: AppConfig, step: MenuStep, snapshot: CallSnapshot): string[] {
  const { flow } = config;
  const first = (options: ReadonlyArray<{ synonyms: readonly string[] }>) => options.flatMap((option) => option.synonyms.slice(0, 1));
  const menu =
    step === 'profile'
      ? first(flow.profile.options)
      : step === 'needGroup'
        ? [...first(flow.needs.groups), ...first(flow.needs.groups.flatMap((group) => group.needs))]
        : step === 'need'
          ? first(flow.needs.groups.find((group) => group.group === snapshot.context.needGroup)?.needs ?? [])
          : step === 'danger'
            ? first([flow.danger.dial, flow.danger.advisor])
            : [];
  return [...menu, ...first([flow.universal.human, flow.universal.repeat, flow.universal.slower]), 'oui', 'non', 'Loire-Atlantique', DANGER_WORDS];
}

function eventsAt(config: AppConfig, snapshot: CallSnapshot): CallEvent[] {
  const value = String(snapshot.value);
  if (value === 'connecting') {
    return [
      ...['leave', 'bridged', 'queue-full', 'hangup'].map((result) => ({ type: 'QUEUE_RESULT' as const, at: OPEN_AT, result })),
      ...['completed', 'no-answer'].map((status) => ({ type: 'DIAL_RESULT' as const, at: OPEN_AT, status })),
      { type: 'BRIDGING', at: OPEN_AT },
    ];
  }
  if (value === 'dangerDial') return ['completed', 'no-answer'].map((status) => ({ type: 'DIAL_RESULT', at: OPEN_AT, status }));
  if (!isMenu(value)) return [];
  const keys = (at: string) => KEYS.map((digits): CallEvent => ({ type: 'INPUT', at, digits }));
  // A failed try changes only what counts tries: keys and silence are enough there.
  if (snapshot.context.attempts > 0) return [...keys(OPEN_AT), { type: 'NO_INPUT', at: OPEN_AT }];
  return [
    ...keys(OPEN_AT),
    // Routing is decided when the département is confirmed: there, at an hour when it is closed too.
    ...(value === 'confirmDepartement' ? keys(CLOSED_AT) : []),
    ...TYPED.map((digits): CallEvent => ({ type: 'INPUT', at: OPEN_AT, digits })),
    ...wordsAt(config, value, snapshot).map((speech): CallEvent => ({ type: 'INPUT', at: OPEN_AT, speech })),
    { type: 'NO_INPUT', at: OPEN_AT },
  ];
}

interface Explored {
  states: Map<string, CallSnapshot>;
  edges: Map<string, Set<string>>;
}

function explore(config: AppConfig, played: PlayedFlow, input: CallInput): Explored {
  const adjacency = getAdjacencyMap(played.machine, {
    input,
    events: (snapshot: CallSnapshot) => eventsAt(config, snapshot),
    serializeState: (snapshot: CallSnapshot) => serialize(snapshot),
    limit: EXPLORATION_LIMIT,
  });
  const states = new Map<string, CallSnapshot>();
  const edges = new Map<string, Set<string>>();
  for (const [key, { state, transitions }] of Object.entries(adjacency)) {
    states.set(key, state);
    const nexts = Object.values(transitions) as Array<{ state: CallSnapshot }>;
    edges.set(key, new Set(nexts.map((next) => serialize(next.state))));
  }
  return { states, edges };
}

/** The states from which some path reaches a good end (walking the edges backwards from the ends). */
function statesWithAnEnd({ states, edges }: Explored): Set<string> {
  const into = new Map<string, string[]>();
  for (const [from, targets] of edges) for (const to of targets) into.set(to, [...(into.get(to) ?? []), from]);
  const good = new Set([...states].filter(([, snapshot]) => GOOD_ENDS.has(String(snapshot.value))).map(([key]) => key));
  const queue = [...good];
  while (queue.length > 0) {
    const key = queue.pop() as string;
    for (const from of into.get(key) ?? []) {
      if (!good.has(from)) {
        good.add(from);
        queue.push(from);
      }
    }
  }
  return good;
}

function endsInSilence(played: PlayedFlow, snapshot: CallSnapshot): boolean {
  let current = snapshot;
  for (let turn = 0; turn < SILENT_TURNS; turn++) {
    current = played.next(current, { type: 'NO_INPUT', at: OPEN_AT });
    if (GOOD_ENDS.has(String(current.value))) return true;
  }
  return false;
}

function zeroReachesHuman(played: PlayedFlow, snapshot: CallSnapshot): boolean {
  return String(played.next(snapshot, { type: 'INPUT', at: OPEN_AT, digits: '0' }).value) === 'connecting';
}

/** One finding per menu and problem, however many states of that menu have it. */
function perMenu(snapshots: Iterable<CallSnapshot>, finding: (step: MenuStep, snapshot: CallSnapshot) => Finding, byGroup = false): Finding[] {
  const found = new Map<string, Finding>();
  for (const snapshot of snapshots) {
    const value = String(snapshot.value);
    const where = byGroup && value === 'need' ? `need:${snapshot.context.needGroup}` : value;
    if (!found.has(where)) found.set(where, finding(isMenu(value) ? value : 'profile', snapshot));
  }
  return [...found.values()];
}

export function proveFlow(config: AppConfig): Finding[] {
  let played: PlayedFlow;
  let explored: Explored[];
  try {
    played = playedFlow(config);
    explored = CALLERS.map((input) => explore(config, played, input));
  } catch (error) {
    const reason = error instanceof Error && error.message === 'Traversal limit exceeded' ? 'il a trop d’étapes, une personne pourrait tourner en rond' : 'une partie manque ou est mal écrite';
    return [blocking('flow', `Le parcours du téléphone ne peut pas être vérifié : ${reason}.`, inFile(FLOW_FILE))];
  }
  const trapped: CallSnapshot[] = [];
  const menus: CallSnapshot[] = [];
  for (const graph of explored) {
    const withEnd = statesWithAnEnd(graph);
    for (const [key, snapshot] of graph.states) {
      if (!withEnd.has(key)) trapped.push(snapshot);
      if (isMenu(String(snapshot.value))) menus.push(snapshot);
    }
  }
  const name = (step: MenuStep) => `Au menu « ${MENU_NAMES[step]} »`;
  return [
    ...perMenu(trapped, (step, snapshot) =>
      blocking('flow', `${name(step)}, une personne peut rester bloquée : aucun chemin ne mène à un conseiller, à une réponse ou à un au revoir.`, menuField(config, step, snapshot.context.needGroup)),
      true,
    ),
    ...perMenu(
      menus.filter((snapshot) => !endsInSilence(played, snapshot)),
      (step) => blocking('flow', `${name(step)}, une personne qui ne répond pas tourne en rond : elle n’arrive jamais à un conseiller. Vérifiez le nombre d’essais.`, inFile(FLOW_FILE, 'gather', 'retries')),
    ),
    ...perMenu(
      menus.filter((snapshot) => !zeroReachesHuman(played, snapshot)),
      (step) => blocking('human', `${name(step)}, la touche 0 ne mène pas à un conseiller.`, inFile(FLOW_FILE, 'universal', 'human', 'key')),
    ),
  ];
}
