import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ConfigError, formatConfigPath } from '../config/configError';
import { VoiceFlowSchema, type VoiceFlow } from './schema';

export const VOICE_FLOW_FILE = join('flows', 'voice.yaml');

export function parseVoiceFlow(raw: unknown, file: string): VoiceFlow {
  const parsed = VoiceFlowSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(file, parsed.error.issues.map((issue) => ({ path: formatConfigPath(issue.path), message: issue.message })));
  }
  return parsed.data;
}

export function loadVoiceFlow(configDir: string): VoiceFlow {
  const file = join(configDir, VOICE_FLOW_FILE);
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(file, [{ path: '(file)', message: `cannot be read as YAML: ${(error as Error).message}` }]);
  }
  return parseVoiceFlow(raw, file);
}
