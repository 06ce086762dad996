/**
 * The TwiML of last resort: an apology, then a human (the territory when known and open, else the
 * national fallback). Needs nothing but the loaded configuration: no store, no callbacks to us.
 */
import { twiml } from 'twilio';
import type { RouteDecision, Target } from '../routing/types';

type VoiceResponse = InstanceType<typeof twiml.VoiceResponse>;

/** The apology and the voice that says it, read at each use: the version served now. */
export interface EmergencyWording {
  apology: string;
  voice: string;
  language: string;
}

export interface EmergencyDeps {
  decideRoute(departement: string | null, now: Date): RouteDecision;
  wording(): EmergencyWording;
  /** Used if even the configuration cannot give a target. */
  lastResortQueue: string;
}

export function emergencyTarget(deps: EmergencyDeps, departement: string | null, now: Date): Target {
  try {
    const decision = deps.decideRoute(departement, now);
    if (decision.kind === 'closed') return decision.fallback;
    return decision.target;
  } catch {
    return { type: 'queue', name: deps.lastResortQueue };
  }
}

export function emergencyTwiml(deps: EmergencyDeps, departement: string | null, now: Date): string {
  const response = new twiml.VoiceResponse();
  const { apology, voice, language } = deps.wording();
  response.say({ voice: voice as 'Polly.Lea', language: language as 'fr-FR' }, apology);
  putThrough(response, emergencyTarget(deps, departement, now));
  return response.toString();
}

function putThrough(response: VoiceResponse, target: Target): void {
  switch (target.type) {
    case 'queue':
      response.enqueue(target.name);
      return;
    case 'workflow':
      response.enqueue({ workflowSid: target.workflowSid }).task({}, JSON.stringify({ type: 'orientation-360', emergency: true }));
      return;
    case 'dial':
      if ('number' in target) response.dial().number(target.number);
      else response.dial().sip(target.sip);
      return;
  }
}
