/** Reading config/territories.yaml (or an in-memory object) into a validated TerritoriesConfig. */
import * as path from 'node:path';
import { loadYamlWithSchema, parseWithSchema, parseYamlWithSchema, type Wording } from '../config/yamlFile';
import { territoriesConfigSchema, type TerritoriesConfig } from './schema';

export const TERRITORIES_FILE_NAME = 'territories.yaml';

/** Hours are the lists a coordinator writes most: say how. */
const territoriesWording: Wording = (issue) =>
  issue.code === 'invalid_type' && issue.expected === 'array' && issue.input !== undefined
    ? 'il faut une liste entre crochets, par exemple ["09:00-18:00"] ou []'
    : undefined;

/** Validates a plain object (from YAML, JSON or a test); fileName only names the source in errors. */
export function parseTerritories(raw: unknown, fileName: string): TerritoriesConfig {
  return parseWithSchema(territoriesConfigSchema, raw, fileName, territoriesWording);
}

/** Parses and validates the text of a territories YAML file; errors carry line numbers, in file order. */
export function parseTerritoriesYaml(text: string, fileName: string): TerritoriesConfig {
  return parseYamlWithSchema(territoriesConfigSchema, text, fileName, territoriesWording);
}

/** Reads and validates one territories YAML file. */
export function loadTerritoriesFile(file: string): TerritoriesConfig {
  return loadYamlWithSchema(territoriesConfigSchema, file, territoriesWording);
}

/** Reads and validates <dir>/territories.yaml (dir is usually "config"). */
export function loadTerritories(dir: string): TerritoriesConfig {
  return loadTerritoriesFile(path.join(dir, TERRITORIES_FILE_NAME));
}
