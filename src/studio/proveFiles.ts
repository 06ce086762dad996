/**
 * A version's files checked and proved: compiled with the checks of `npm run config:check` (or
 * without, for a version that passed them), then the static proof (src/studio/proof/). Pure and
 * synchronous, a second or more of CPU: the service runs it in its proof worker (proofPool.ts).
 */
import { compileConfigFiles, type ConfigFiles } from './configFiles';
import { proveConfig, type Finding } from './proof';

export type FilesProof = { compiled: true; findings: Finding[] } | { compiled: false; problems: string[] };

export interface ProveFilesOptions {
  /** The checks of `npm run config:check` first (their problems, one line each with file and line). */
  checks: boolean;
}

export function proveFiles(files: ConfigFiles, options: ProveFilesOptions): FilesProof {
  const compiled = compileConfigFiles(files, options);
  return compiled.ok ? { compiled: true, findings: proveConfig(compiled.config) } : { compiled: false, problems: compiled.problems };
}
