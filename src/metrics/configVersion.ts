/**
 * The version of the configuration being served. Today the configuration is the files read at start:
 * `files-` and the first 12 hex digits of a SHA-256 of what was loaded (same files, same version).
 */
import { createHash } from 'node:crypto';
import type { AppConfig } from '../config/appConfig';

export function configVersionOf(config: AppConfig): string {
  // Maps (the prompt catalogues) as their entries; the rest is plain data.
  const text = JSON.stringify(config, (_key, value: unknown) => (value instanceof Map ? [...value.entries()] : value));
  return `files-${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12)}`;
}
