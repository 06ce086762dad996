/** Safety first: words of danger found in any message, and the emergency answer with the right numbers. */
export { assessDanger, confirmedDanger, DANGER_KINDS, DANGER_NUMBERS, dangerCheck, detectDanger, spokenDangerCheck } from './detect';
export type { DangerCheck, DangerKind, DangerReading, DangerSignal } from './detect';
export {
  ALWAYS_NUMBERS,
  SAFETY_MESSAGES_FILE,
  defaultSafetyMessages,
  dangerCheckQuestion,
  emergencyMessage,
  loadSafetyMessagesFile,
  parseSafetyMessages,
  parseSafetyMessagesYaml,
  safetyPrompts,
  dangerDialNumber,
} from './messages';
export type { SafetyMessages } from './messages';
