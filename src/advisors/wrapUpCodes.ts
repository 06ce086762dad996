/**
 * Wrap-up codes: how a contact ended, chosen when a ticket is closed. The national list ships in
 * config/wrap-up-codes.yaml (checked by `npm run config:check`); the coordinators of a territory may
 * give their own list, kept in the store (no personal data; five years from the last change), which
 * replaces the national one for that territory until they reset it. The routes audit every change.
 */
import * as path from 'node:path';
import { z } from 'zod';
import type { ConfigCheck } from '../config/configCheck';
import { loadYamlWithSchema } from '../config/yamlFile';
import type { KeyValueStore } from '../domain/ports';
import type { StoreKeys } from '../storage/keys';

export const WRAP_UP_FILE = path.join('config', 'wrap-up-codes.yaml');
export const MAX_WRAP_UP_CODES = 40;
/** A territory's own list holds no personal data: kept five years from its last change. */
const TERRITORY_LIST_TTL_SECONDS = 5 * 365 * 24 * 3600;

export const WrapUpIdSchema = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'il faut un identifiant de code de 2 à 40 caractères : une lettre minuscule, puis des lettres minuscules, des chiffres ou _' });
export const WrapUpCodeSchema = z.strictObject({ id: WrapUpIdSchema, label: z.string().trim().min(2).max(120) });
export type WrapUpCode = z.output<typeof WrapUpCodeSchema>;

export const WrapUpListSchema = z
  .array(WrapUpCodeSchema)
  .min(1)
  .max(MAX_WRAP_UP_CODES)
  .superRefine((codes, ctx) => {
    const ids = codes.map((code) => code.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${id}" est deux fois dans la liste : gardez-en un seul` });
    });
  });

export const WrapUpFileSchema = z.strictObject({ codes: WrapUpListSchema });

export function loadWrapUpCodes(file: string): WrapUpCode[] {
  return loadYamlWithSchema(WrapUpFileSchema, file).codes;
}

export const wrapUpCodesCheck: ConfigCheck = {
  name: 'wrap-up codes',
  files: (rootDir) => [path.join(rootDir, WRAP_UP_FILE)],
  check: (file) => {
    loadWrapUpCodes(file);
  },
};

/** GET /api/advisor/wrap-up-codes: a territory's list, and whether it is its own or the national one. */
export const WrapUpListViewSchema = z.strictObject({
  territory: z.string(),
  source: z.enum(['territory', 'national']).describe('territory: its coordinators gave this list; national: config/wrap-up-codes.yaml'),
  codes: z.array(WrapUpCodeSchema),
});
export type WrapUpListView = z.output<typeof WrapUpListViewSchema>;

export interface WrapUpCodes {
  of(territory: string): Promise<WrapUpListView>;
  /** The territory's own list from now on. */
  set(territory: string, codes: WrapUpCode[]): Promise<WrapUpListView>;
  /** Back to the national list. */
  reset(territory: string): Promise<WrapUpListView>;
}

export function createWrapUpCodes(deps: { store: KeyValueStore; keys: StoreKeys; national: readonly WrapUpCode[] }): WrapUpCodes {
  const { store, keys } = deps;
  const national = (territory: string): WrapUpListView => ({ territory, source: 'national', codes: [...deps.national] });

  async function of(territory: string): Promise<WrapUpListView> {
    const raw = await store.get(keys.wrapUpCodes(territory));
    if (raw === null) return national(territory);
    try {
      const parsed = WrapUpListSchema.safeParse(JSON.parse(raw));
      if (parsed.success) return { territory, source: 'territory', codes: parsed.data };
    } catch {
      // A damaged list falls back to the national one (below).
    }
    return national(territory);
  }

  return {
    of,
    async set(territory, codes) {
      await store.set(keys.wrapUpCodes(territory), JSON.stringify(WrapUpListSchema.parse(codes)), TERRITORY_LIST_TTL_SECONDS);
      return { territory, source: 'territory', codes };
    },
    async reset(territory) {
      await store.del(keys.wrapUpCodes(territory));
      return national(territory);
    },
  };
}
