/**
 * Every prompt key the voice flow can use, so a missing sentence is found at start, not mid-call.
 * (The danger sentences `danger.said.<kind>` and `danger.name.<kind>` come from content/fr/safety.yaml,
 * whose schema requires every kind: see safetyPrompts.)
 */
import { PROFILES, NEED_IDS } from '../domain/vocabulary';
import type { VoiceFlow } from '../flows/schema';

const FIXED_KEYS = [
  'welcome', 'help', 'speechHint', 'optionLine', 'slower',
  'profile.question', 'needGroup.question', 'need.question',
  'postcode.question', 'postcode.howTo',
  'departement.choose', 'departement.orSay', 'departement.confirm', 'departement.isItRight', 'departement.yes', 'departement.no',
  'retry.noInput.1', 'retry.noInput.2', 'retry.invalid.1', 'retry.invalid.2',
  'transfer.asked', 'transfer.afterRetries', 'transfer.territory', 'transfer.national', 'transfer.priority',
  'crisis.message',
  'closed.message', 'closed.intro', 'closed.holiday', 'closed.hours', 'closed.question', 'closed.yes', 'closed.no', 'closed.noCallback',
  'callback.confirmNumber', 'callback.isItRight', 'callback.yes', 'callback.other', 'callback.enterNumber',
  'callback.booked', 'callback.whenOpen', 'callback.reference', 'callback.afterDialFailure',
  'queue.next', 'queue.position.one', 'queue.position.other', 'queue.expected.one', 'queue.expected.other', 'queue.pleaseWait', 'queue.callbackOffer', 'queue.connecting',
  'goodbye', 'technicalProblem',
  'whisper.intro', 'whisper.profile', 'whisper.need', 'whisper.departement', 'whisper.noDepartement',
  'whisper.priority', 'whisper.reference', 'whisper.mdph', 'whisper.unknown',
  'advisor.noneWaiting',
  'danger.dial', 'danger.advisor', 'danger.dialing', 'whisper.danger',
] as const;

export function voicePromptKeys(flow: VoiceFlow): string[] {
  return [
    ...FIXED_KEYS,
    ...PROFILES.flatMap((profile) => [`profile.option.${profile}`, `profile.name.${profile}`]),
    ...NEED_IDS.flatMap((need) => [`need.option.${need}`, `need.name.${need}`]),
    ...flow.needs.groups.map((group) => `needGroup.option.${group.group}`),
  ];
}
