/** Safety first: words of danger found in any message, and the emergency answer with the right numbers. */
export { DANGER_KINDS, DANGER_NUMBERS, detectDanger } from './detect';
export type { DangerKind, DangerSignal } from './detect';
export {
  ALWAYS_NUMBERS,
  SAFETY_MESSAGES_FILE,
  defaultSafetyMessages,
  emergencyMessage,
  loadSafetyMessagesFile,
  parseSafetyMessages,
  parseSafetyMessagesYaml,
  safetyPrompts,
  dangerDialNumber,
} from './messages';
export type { SafetyMessages } from './messages';
