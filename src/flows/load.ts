import { join } from 'node:path';
import { loadYamlWithSchema, parseWithSchema } from '../config/yamlFile';
import { VoiceFlowSchema, type VoiceFlow } from './schema';

export const VOICE_FLOW_FILE = join('flows', 'voice.yaml');

export function parseVoiceFlow(raw: unknown, file: string): VoiceFlow {
  return parseWithSchema(VoiceFlowSchema, raw, file);
}

/** Reads and validates flows/voice.yaml; errors name the file, the line and the path. */
export function loadVoiceFlow(configDir: string): VoiceFlow {
  return loadYamlWithSchema(VoiceFlowSchema, join(configDir, VOICE_FLOW_FILE));
}
