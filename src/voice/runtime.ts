/**
 * The call machine, its renderer and its turn helpers for one configuration version: built once per
 * version served (src/studio/liveConfig.ts keeps the versions), so that a call finishes on the version
 * it started with.
 */
import type { AppConfig } from '../config/appConfig';
import type { DepartementCode } from '../domain/vocabulary';
import type { Places } from '../places/places';
import type { RouteDecision } from '../routing/types';
import { createCallMachine } from './callMachine';
import type { VoiceRuntime } from './callTurns';
import { callMachineDeps, type Sealing } from './machineDeps';
import { PureMachine } from './pureMachine';
import { TwimlRenderer } from './twiml';
import type { VoiceUrls } from './urls';

/** What does not change with the version: places, sealing, the webhooks' addresses. */
export interface VoiceRuntimeShared extends Sealing {
  places: Places;
  urls: VoiceUrls;
}

export function createVoiceRuntime(
  version: string,
  config: AppConfig,
  decideRoute: (departement: DepartementCode | null, now: Date) => RouteDecision,
  shared: VoiceRuntimeShared,
): VoiceRuntime {
  const machine = createCallMachine({ ...callMachineDeps(config, shared.places, shared), decideRoute });
  return {
    version,
    machine,
    pure: new PureMachine(machine),
    renderer: new TwimlRenderer(config.prompts, config.flow, shared.urls),
    turnDeps: { flow: config.flow, departement: (code: DepartementCode) => shared.places.get(code) },
  };
}
