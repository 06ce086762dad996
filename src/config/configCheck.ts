/** One check of the files a coordinator edits: what every capability's check looks like (below all of them). */
export interface ConfigCheck {
  /** Short name, e.g. "territories", "flows", "prompts". */
  name: string;
  /** The files this check validates under the project root. */
  files(rootDir: string): string[];
  /** Throws — a ConfigError, ideally — when the file is not valid. */
  check(file: string): void;
}
