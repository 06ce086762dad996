/** Builds the chat's conversation: per configuration version, the shared flow, the FAQ, safety, wording. */
import { createHash } from 'node:crypto';
import type { AppConfig } from '../config/appConfig';
import { NO_METRICS, type Metrics } from '../domain/ports';
import { localHelpText } from '../directory/citation';
import { localResourcesOf } from '../directory/load';
import { NEED_IDS, type NeedId } from '../domain/vocabulary';
import { answerText } from '../knowledge/answer';
import { createKnowledgeBase } from '../knowledge/knowledge-base';
import { hoursInWords } from '../routing/hours-in-words';
import { confirmedDanger, dangerCheck, dangerCheckQuestion, detectDanger, emergencyMessage } from '../safety';
import type { CallMachine } from '../voice/callMachine';
import { PureMachine } from '../voice/pureMachine';
import type { DepartementsForPostcode } from '../tickets/personalData';
import type { TurnDeps } from '../voice/turn';
import { ChatRenderer } from './chatRenderer';
import { ChatTurns, type ChatKnowledge, type ChatRuntime, type ChatSafety, type ChatTurnsDeps } from './chatTurns';
import { createLanguageGuesser } from './language';

/** The chat's sentence to a person writing in another language: one key per language we can answer in. */
const OTHER_LANGUAGE_KEY = /^chat\.otherLanguage\.([a-z]{2})$/;

/** What a chat's version is built from: the version's configuration and its orientation machine. */
export interface ChatRuntimeSource {
  version: string;
  config: AppConfig;
  machine: CallMachine;
  turnDeps: TurnDeps;
  /** The version's postcodes (its overrides): the same places its machine finds callers with. */
  departementsForPostcode: DepartementsForPostcode;
}

/** The chat's parts of one configuration version (built once per version: see src/studio/liveConfig.ts perVersion). */
type KnowledgeBase = ReturnType<typeof createKnowledgeBase>;

/**
 * Knowledge bases by the FAQ they were built from (its content): a version that leaves the FAQ as it
 * was (new hours, a closure, the crisis switch) reuses the index, which takes about a second to build.
 */
const knowledgeBases = new Map<string, KnowledgeBase>();
const KNOWLEDGE_BASES_KEPT = 8;

function knowledgeBaseFor(faq: AppConfig['faq']): KnowledgeBase {
  const key = createHash('sha256').update(JSON.stringify(faq)).digest('hex');
  let base = knowledgeBases.get(key);
  if (base === undefined) {
    base = createKnowledgeBase(faq);
    knowledgeBases.set(key, base);
    while (knowledgeBases.size > KNOWLEDGE_BASES_KEPT) knowledgeBases.delete(knowledgeBases.keys().next().value as string);
  }
  return base;
}

export function createChatRuntime(source: ChatRuntimeSource): ChatRuntime {
  const { config } = source;
  // The directory of the chat's own version (src/directory/service.ts): pinned like its wording and FAQ.
  const directory = config.directory;
  const renderer = new ChatRenderer(config.prompts.overlaidWith(config.chatPrompts));
  const knowledgeBase = knowledgeBaseFor(config.faq);
  const knowledge: ChatKnowledge = {
    match(text) {
      const match = knowledgeBase.match(text);
      return match.kind === 'answer'
        ? { kind: 'answer', entryId: match.entry.id, ...(match.also ? { also: { id: match.also.id, title: match.also.title } } : {}) }
        : { kind: 'notSure', suggestions: match.suggestions.map((entry) => ({ id: entry.id, title: entry.title })) };
    },
    async answer(entryId, departement) {
      const entry = knowledgeBase.get(entryId);
      return entry ? answerText(entry, localResourcesOf(directory), departement) : null;
    },
    async localHelp(departement, need) {
      const known = (NEED_IDS as readonly string[]).includes(need ?? '') ? (need as NeedId) : null;
      return localHelpText(directory, departement, known, renderer.text({ key: 'chat.localOffers' }));
    },
    title: (entryId) => knowledgeBase.get(entryId)?.title ?? null,
    seeAlso: (entryId) => knowledgeBase.seeAlso(entryId).map((entry) => ({ id: entry.id, title: entry.title })),
  };
  const safety: ChatSafety = {
    detect: (text) => detectDanger(text),
    check: (text) => dangerCheck(text),
    confirmed: (kind, text) => confirmedDanger(kind, text === '' ? null : detectDanger(text)),
    question: (kind) => ({ ...dangerCheckQuestion(kind, config.safetyMessages), goOn: config.safetyMessages.check.goOn.trim() }),
    message: (signal) => emergencyMessage(signal as Parameters<typeof emergencyMessage>[0], config.safetyMessages),
    name: (kind) => config.safetyMessages.names[kind],
  };
  const languages = config.chatPrompts.keys().flatMap((key) => OTHER_LANGUAGE_KEY.exec(key)?.[1] ?? []);
  return {
    version: source.version,
    machine: source.machine,
    pure: new PureMachine(source.machine, { written: true }),
    turnDeps: source.turnDeps,
    renderer,
    knowledge,
    safety,
    language: createLanguageGuesser(languages.filter((language) => language !== 'fr')),
    departementsForPostcode: source.departementsForPostcode,
    hoursInWords(departement) {
      const territory = departement ? config.territories.territories[departement] : undefined;
      const words = territory ? hoursInWords(territory.hours) : '';
      return words === '' ? null : words;
    },
  };
}

/** What a chat needs: the conversation's own dependencies (ChatTurnsDeps), the figures optional. */
export type ChatDeps = Omit<ChatTurnsDeps, 'metrics'> & { metrics?: Metrics };

export function createChatTurns(deps: ChatDeps): ChatTurns {
  return new ChatTurns({ ...deps, metrics: deps.metrics ?? NO_METRICS });
}
