/**
 * The call machine, its renderer, its places and its turn helpers for one configuration version:
 * built once per version served (src/studio/liveConfig.ts keeps the versions), so that a call
 * finishes on the version it started with (its sentences, its postcode overrides, its directory's MDPH).
 */
import type { AppConfig } from '../config/appConfig';
import { mdphOf } from '../directory/load';
import type { DepartementCode } from '../domain/vocabulary';
import { createPlaces, type Places } from '../places/places';
import type { RouteDecision } from '../routing/types';
import { createCallMachine } from './callMachine';
import type { VoiceRuntime } from './callTurns';
import { callMachineDeps, type Sealing } from './machineDeps';
import { PureMachine } from './pureMachine';
import { TwimlRenderer } from './twiml';
import type { VoiceUrls } from './urls';

/** What does not change with the version: sealing, the webhooks' addresses. */
export interface VoiceRuntimeShared extends Sealing {
  urls: VoiceUrls;
}

/** A version's voice parts, and its places (its postcode overrides), which the chat of that version uses too. */
export interface VersionedVoice extends VoiceRuntime {
  places: Places;
}

export function createVoiceRuntime(
  version: string,
  config: AppConfig,
  decideRoute: (departement: DepartementCode | null, now: Date) => RouteDecision,
  shared: VoiceRuntimeShared,
): VersionedVoice {
  const places = createPlaces({ postcodeOverrides: config.territories.national.postcodeOverrides });
  const machine = createCallMachine({ ...callMachineDeps(config, places, shared), decideRoute });
  return {
    version,
    machine,
    pure: new PureMachine(machine),
    renderer: new TwimlRenderer(config.prompts, config.flow, shared.urls),
    turnDeps: { flow: config.flow, departement: (code: DepartementCode) => places.get(code) },
    mdphName: (code: string) => mdphOf(config.directory, code)?.name,
    places,
  };
}
