/**
 * The call machine, its renderer and its turn helpers for one configuration version: built once per
 * version served (src/studio/liveConfig.ts keeps the versions), so that a call finishes on the version
 * it started with.
 */
import type { AppConfig } from '../config/appConfig';
import type { DepartementCode } from '../domain/vocabulary';
import type { Departement } from '../domain/ports';
import type { RouteDecision } from '../routing/types';
import { dangerDialNumber, detectDanger } from '../safety';
import { ticketRefFor } from '../tickets/ref';
import { createCallMachine, type PlaceFinder, type SealedEmail, type SealedNumber } from './callMachine';
import type { VoiceRuntime } from './callTurns';
import { PureMachine } from './pureMachine';
import { TwimlRenderer } from './twiml';
import type { VoiceUrls } from './urls';

/** What does not change with the version: places, sealing, the webhooks' addresses. */
export interface VoiceRuntimeShared {
  places: PlaceFinder;
  departement(code: DepartementCode): Departement | undefined;
  sealPhoneNumber(e164: string): SealedNumber;
  sealEmail(email: string): SealedEmail;
  urls: VoiceUrls;
}

export function createVoiceRuntime(
  version: string,
  config: AppConfig,
  decideRoute: (departement: DepartementCode | null, now: Date) => RouteDecision,
  shared: VoiceRuntimeShared,
): VoiceRuntime {
  const machine = createCallMachine({
    flow: config.flow,
    places: shared.places,
    decideRoute,
    sealPhoneNumber: shared.sealPhoneNumber,
    sealEmail: shared.sealEmail,
    ticketRefFor,
    detectDanger,
    dangerNumber: dangerDialNumber(config.safetyMessages),
  });
  return {
    version,
    machine,
    pure: new PureMachine(machine),
    renderer: new TwimlRenderer(config.prompts, config.flow, shared.urls),
    turnDeps: { flow: config.flow, departement: shared.departement },
  };
}
