/** A valid territories configuration as a plain object, to break one piece at a time. */
import { DEPARTEMENTS } from '../../src/places/departements';
import { defaultTerritoriesConfig } from '../../src/territories/defaults';
import type { TerritoriesConfigInput } from '../../src/territories/schema';

export type Editable = Record<string, any>;

export function validConfigObject(): Editable {
  return structuredClone(defaultTerritoriesConfig(DEPARTEMENTS)) as Editable;
}

export function asInput(config: Editable): TerritoriesConfigInput {
  return config as TerritoriesConfigInput;
}
