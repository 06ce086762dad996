/** The one rule of the config generators: print with --stdout; never overwrite coordinators' edits without --force. */
import { existsSync, writeFileSync } from 'node:fs';

export function writeGenerated(file: string, yamlText: string, argv: readonly string[], written: string): number {
  if (argv.includes('--stdout')) {
    process.stdout.write(yamlText);
    return 0;
  }
  if (existsSync(file) && !argv.includes('--force')) {
    console.error(`${file} exists and holds coordinators' edits; not overwritten (use --force to regenerate it).`);
    return 1;
  }
  writeFileSync(file, yamlText, 'utf8');
  console.log(`Wrote ${file} (${written}).`);
  return 0;
}
