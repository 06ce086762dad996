/**
 * N3, the observatory: needs for which no solution was found, reported to the authorities (ARS,
 * conseil départemental, MDPH) to change the offer. A record holds the need category, the territory,
 * what was missing (a closed list) and the month: nothing that identifies a person, not even the
 * ticket ref or the day.
 */
import { z } from 'zod';
import { NEED_IDS } from '../domain/vocabulary';
import type { KeyValueStore } from '../domain/ports';
import type { StoreKeys } from '../storage/keys';
import { MissingReasonIdSchema } from './caseFile';

export const UnmetNeedRecordSchema = z
  .object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    territory: z.string(),
    need: z.enum(NEED_IDS),
    missing: z.array(MissingReasonIdSchema).min(1),
  })
  .strict();
export type UnmetNeedRecord = z.output<typeof UnmetNeedRecordSchema>;

/** Anonymous statistics: kept five years (the key-value store wants a TTL on every key). */
export const OBSERVATORY_TTL_SECONDS = 5 * 366 * 24 * 60 * 60;

export interface Observatory {
  record(record: UnmetNeedRecord): Promise<void>;
  ofMonth(month: string): Promise<UnmetNeedRecord[]>;
}

export function createObservatory(store: KeyValueStore, keys: StoreKeys): Observatory {
  return {
    async record(record) {
      const checked = UnmetNeedRecordSchema.parse(record);
      await store.listAppend(keys.unmetNeeds(checked.month), JSON.stringify(checked), OBSERVATORY_TTL_SECONDS);
    },
    async ofMonth(month) {
      return (await store.listRange(keys.unmetNeeds(month), 0, -1)).flatMap((raw) => {
        const parsed = UnmetNeedRecordSchema.safeParse(JSON.parse(raw));
        return parsed.success ? [parsed.data] : [];
      });
    },
  };
}
