/**
 * The studio (issue 11): the configuration as versions in the store, drafts, publish and roll back,
 * the live switch of every process, the emergency switches. `openLiveConfig` starts the live
 * configuration (main, and tests with two processes); `createStudioApi` builds the API's use cases.
 */
import type { AuditTrail } from '../advisors/audit';
import type { AppConfig } from '../config/appConfig';
import type { Clock, KeyValueStore, MessageBus } from '../domain/ports';
import type { Logger } from '../logging';
import type { StoreKeys } from '../storage/keys';
import { readConfigFiles } from './configFiles';
import { createDraftStore } from './drafts';
import { createLiveConfig, type LiveConfig } from './liveConfig';
import { createProofPool, type ProofPool } from './proofPool';
import { createPublishing } from './publishing';
import { createStudio } from './studio';
import { createVersionStore } from './versionStore';

export { staticConfig, type LiveConfig, type ServedConfig } from './liveConfig';
export { createStudioRouter } from './routes';
export type { ProofFinding } from './prove';
export type { ProofPool } from './proofPool';

export interface OpenLiveConfigOptions {
  store: KeyValueStore;
  bus: MessageBus;
  keys: StoreKeys;
  /** CONFIG_DIR: its files are version 1 when the store has none. */
  configDir: string;
  /** Its configuration, loaded already (the start fails fast on a bad file). */
  filesConfig: AppConfig;
  logger: Logger;
  checkEveryMs?: number;
}

/** The live configuration, started: version 1 imported if needed, the published version served, listening. */
export async function openLiveConfig(options: OpenLiveConfigOptions): Promise<LiveConfig> {
  const live = createLiveConfig({
    versions: createVersionStore(options.store, options.keys),
    bus: options.bus,
    channel: options.keys.studioChannel(),
    files: readConfigFiles(options.configDir),
    filesConfig: options.filesConfig,
    logger: options.logger,
    ...(options.checkEveryMs === undefined ? {} : { checkEveryMs: options.checkEveryMs }),
  });
  await live.start();
  return live;
}

/** The studio's use cases; its proof worker starts at the first proof (`close` stops it). */
export function createStudioApi(deps: { store: KeyValueStore; keys: StoreKeys; audit: AuditTrail; clock: Clock; live: LiveConfig }) {
  const versions = createVersionStore(deps.store, deps.keys);
  const drafts = createDraftStore(deps.store, deps.keys);
  const proofs: ProofPool = createProofPool();
  const studio = createStudio({ versions, drafts, audit: deps.audit, clock: deps.clock, proofs });
  const publishing = createPublishing({ studio, versions, drafts, live: deps.live, audit: deps.audit, clock: deps.clock });
  return { studio, publishing, proofs, close: () => proofs.close() };
}
