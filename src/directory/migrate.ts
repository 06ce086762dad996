/**
 * Once, at start: the directory as coordinators edited it before it became a file of the configuration's
 * versions (one JSON value under the store key `directory:{all}`) is published as a version, then the
 * key is deleted. Nothing to do when the key is absent; a failure leaves the key for the next start.
 */
import type { Principal } from '../advisors/principal';
import type { KeyValueStore } from '../domain/ports';
import type { Logger } from '../logging';
import type { StoreKeys } from '../storage/keys';
import { parseDirectoryYaml } from './load';
import { DirectorySchema } from './schema';
import { DIRECTORY_PATH, type DirectoryStudio } from './service';
import { editDirectoryYaml } from './yamlEdit';

/** The author of the version it publishes (a national admin's rights: every territory). */
export const MIGRATION_PRINCIPAL: Principal = { subject: 'system:directory-import', role: 'national_admin', territories: 'all' };

export async function importStoredDirectory(deps: { store: KeyValueStore; keys: StoreKeys; studio: DirectoryStudio; logger: Logger }): Promise<'none' | 'published' | 'unchanged' | 'failed'> {
  const { store, keys, studio, logger } = deps;
  const raw = await store.get(keys.directory());
  if (raw === null) return 'none';
  const stored = DirectorySchema.safeParse(JSON.parse(raw));
  if (!stored.success) {
    logger.error({ issues: stored.error.issues.length }, 'directory: the edited copy in the store is not valid; kept, not imported');
    return 'failed';
  }
  const draft = await studio.createDraft(MIGRATION_PRINCIPAL);
  if (!draft.ok) return 'failed';
  const file = await studio.draftFile(MIGRATION_PRINCIPAL, draft.value.id, DIRECTORY_PATH);
  if (!file.ok) return 'failed';
  const published = new Map(parseDirectoryYaml(file.value, DIRECTORY_PATH).organisations.map((organisation) => [organisation.id, JSON.stringify(organisation)]));
  const ids = new Set(stored.data.organisations.map((organisation) => organisation.id));
  const put = stored.data.organisations.filter((organisation) => published.get(organisation.id) !== JSON.stringify(organisation));
  const gone = [...published.keys()].filter((id) => !ids.has(id));
  let outcome: 'published' | 'unchanged' | 'failed' = 'unchanged';
  if (put.length > 0 || gone.length > 0) {
    const text = editDirectoryYaml(file.value, { put, remove: gone });
    const written = await studio.importFile(MIGRATION_PRINCIPAL, draft.value.id, DIRECTORY_PATH, text);
    const version = written.ok ? await studio.publish(MIGRATION_PRINCIPAL, draft.value.id, 'Le répertoire tel qu’il avait été modifié avant le studio') : written;
    outcome = version.ok ? 'published' : 'failed';
    if (!version.ok) logger.error({ status: version.status, problems: version.problems?.length ?? 0 }, 'directory: the edited copy in the store could not be published; kept for the next start');
    else logger.info({ configVersion: version.value.number, organisations: put.length, removed: gone.length }, 'directory: the edited copy in the store is now a version');
  }
  if (outcome !== 'published') await studio.deleteDraft(MIGRATION_PRINCIPAL, draft.value.id);
  if (outcome !== 'failed') await store.del(keys.directory());
  return outcome;
}
