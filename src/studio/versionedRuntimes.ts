/**
 * What a process builds from each configuration version for calls and chats: the call machine, its
 * sentences and its places (postcode overrides), the chat's wording and FAQ. Built once per version
 * (perVersion), so that a call or a chat finishes on the version it started with; routing reads that
 * version's territories with the emergencies (crisis switch, closures) of the version served now.
 */
import { createChatRuntime } from '../chat/createChat';
import type { ChatRuntime } from '../chat/chatTurns';
import type { Logger } from '../logging';
import type { Places } from '../places/places';
import { decideRoute } from '../routing/decide';
import type { EmergencyWording } from '../voice/emergency';
import { createVoiceRuntime, type VersionedVoice, type VoiceRuntimeShared } from '../voice/runtime';
import { liveEmergencies } from './emergencyOverlay';
import { perVersion, type LiveConfig, type ServedConfig } from './liveConfig';

export interface VersionedRuntimesDeps {
  live: LiveConfig;
  voice: VoiceRuntimeShared;
  logger: Logger;
}

export interface VersionedRuntimes {
  /** A call's version (undefined: the one served now, for a new call). */
  voice(version: string | undefined): Promise<VersionedVoice>;
  /** A chat's version (undefined: the one served now, for a new chat). */
  chat(version: string | undefined): Promise<ChatRuntime>;
  /** The places of the version served now (its postcode overrides). */
  servedPlaces(): Places;
  /** The last-resort apology of the version served now (it needs no store: the version may not load). */
  emergencyWording(): EmergencyWording;
}

export function createVersionedRuntimes(deps: VersionedRuntimesDeps): VersionedRuntimes {
  const { live, logger } = deps;
  const voiceOf = perVersion((served) => {
    const territories = liveEmergencies(served.config.territories, () => live.current().config.territories);
    return createVoiceRuntime(served.version, served.config, (departement, now) => decideRoute(territories(), departement, now), deps.voice);
  });
  const chatOf = perVersion((served) => {
    const { machine, turnDeps, places } = voiceOf(served);
    return createChatRuntime({
      version: served.version,
      config: served.config,
      machine,
      turnDeps,
      departementsForPostcode: (postcode) => places.departementsForPostcode(postcode),
    });
  });
  // Built when a version is served (the FAQ's index takes about a second), not during a person's message.
  chatOf(live.current());
  // After the switch, not inside it: every process serves the new version first. Its towns are indexed
  // then too (a new set of postcode overrides), not in a caller's turn.
  live.onChange((served: ServedConfig) =>
    setImmediate(() => {
      try {
        chatOf(served);
        voiceOf(served).places.warmUp();
      } catch (error) {
        logger.warn({ err: error, configVersion: served.version }, 'version not prepared, built at its first call or message');
      }
    }),
  );
  return {
    voice: async (version) => voiceOf(await live.of(version)),
    chat: async (version) => chatOf(await live.of(version)),
    servedPlaces: () => voiceOf(live.current()).places,
    emergencyWording() {
      const { config } = live.current();
      return { apology: config.prompts.text('technicalProblem'), voice: config.flow.gather.voice, language: config.flow.gather.language };
    },
  };
}
