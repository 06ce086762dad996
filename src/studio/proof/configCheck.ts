/**
 * The studio's proof in `npm run config:check` (listed in src/config/configChecks.ts): the whole
 * folder loaded as the service loads it, proved, and every blocking finding printed as
 * « file:line: path: message », the line found in the file the finding points at.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadAppConfig } from '../../config/appConfig';
import type { ConfigCheck } from '../../config/configCheck';
import { ConfigProblems, formatConfigPath } from '../../config/configError';
import { displayName, yamlLineFinder } from '../../config/yamlFile';
import { locationOf, type Finding } from './finding';
import { proveConfig } from './index';

function lineOf(rootDir: string, file: string, fieldPath: ReadonlyArray<string | number>): number | undefined {
  try {
    return yamlLineFinder(readFileSync(path.join(rootDir, file), 'utf8'))(fieldPath);
  } catch {
    return undefined;
  }
}

export function findingLine(rootDir: string, finding: Finding): string {
  const { file, path: fieldPath } = locationOf(finding.field);
  const line = lineOf(rootDir, file, fieldPath);
  const shown = displayName(path.join(rootDir, file));
  return `${line === undefined ? shown : `${shown}:${line}`}: ${formatConfigPath(fieldPath)}: ${finding.message}`;
}

export const proofCheck: ConfigCheck = {
  name: 'proof',
  files: (rootDir) => [rootDir],
  check: (rootDir) => {
    let findings: Finding[];
    try {
      findings = proveConfig(loadAppConfig(rootDir));
    } catch {
      throw new Error('la preuve a besoin que chaque fichier soit valide : corrigez d’abord les problèmes ci-dessus');
    }
    const blocking = findings.filter((finding) => finding.blocking);
    if (blocking.length > 0) throw new ConfigProblems(blocking.map((finding) => findingLine(rootDir, finding)));
  },
};
