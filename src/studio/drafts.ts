/**
 * Drafts: the files a person changes from a published version, until they publish it. A draft holds
 * only the files it changes; every edit raises its revision (an approval counts for one revision).
 * No personal data; kept 30 days after its last change.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { KeyValueStore } from '../domain/ports';
import type { StoreKeys } from '../storage/keys';
import { AuthorSchema } from './versionStore';

const DRAFT_TTL_SECONDS = 30 * 24 * 3600;

export const DraftIdSchema = z.string().regex(/^D-[0-9a-f]{16}$/, { error: 'un brouillon se nomme "D-" suivi de 16 caractères' });

export const DraftSchema = z.strictObject({
  id: DraftIdSchema,
  basedOn: z.number().int().min(1),
  author: AuthorSchema,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  revision: z.number().int().min(0),
  /** Path in CONFIG_DIR → its new text (only the files that differ from the base version). */
  changes: z.record(z.string(), z.string()),
  /** Second national admins who approved a revision (two-person rule on safety numbers). */
  approvals: z.array(z.strictObject({ subject: z.string(), revision: z.number().int(), at: z.iso.datetime({ offset: true }) })),
});
export type Draft = z.output<typeof DraftSchema>;

export interface DraftStore {
  newId(): string;
  get(id: string): Promise<Draft | null>;
  save(draft: Draft): Promise<void>;
  remove(id: string): Promise<void>;
}

export function createDraftStore(store: KeyValueStore, keys: StoreKeys): DraftStore {
  return {
    newId: () => `D-${randomBytes(8).toString('hex')}`,
    async get(id) {
      const raw = await store.get(keys.studioDraft(id));
      return raw === null ? null : DraftSchema.parse(JSON.parse(raw));
    },
    save: (draft) => store.set(keys.studioDraft(draft.id), JSON.stringify(DraftSchema.parse(draft)), DRAFT_TTL_SECONDS),
    remove: (id) => store.del(keys.studioDraft(id)),
  };
}
