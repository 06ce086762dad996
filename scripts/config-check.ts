/**
 * Validates every configuration file a coordinator edits: config/territories.yaml, flows/voice.yaml
 * and prompts/fr/voice.yaml. Prints "OK <file>" or one line per problem (file, path, what was
 * expected); exits 1 when anything is wrong.
 *
 *   npm run config:check [-- <folder>]   (default: CONFIG_DIR, else the current folder)
 */
import { runConfigChecks } from '../src/config/configChecks';

function main(argv: readonly string[]): number {
  const rootDir = argv[0] ?? process.env.CONFIG_DIR ?? process.cwd();
  const results = runConfigChecks(rootDir);
  for (const result of results) {
    if (result.errors.length === 0) console.log(`OK ${result.file}`);
    else for (const line of result.errors) console.error(line);
  }
  const failed = results.filter((result) => result.errors.length > 0).length;
  if (failed > 0) console.error(`${failed} of ${results.length} configuration file(s) invalid.`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
