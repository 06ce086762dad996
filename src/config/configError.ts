/** A configuration file a coordinator wrote is not valid: which file, where in it, what was expected. */

export interface ConfigProblem {
  /** Where in the file, e.g. "territories.44.hours.mon[0]", or "line 12, column 3" for YAML syntax. */
  path: string;
  /** What was expected, in words a coordinator can act on. */
  message: string;
  /** 1-based line in the file, when known. */
  line?: number;
}

function problemLine(file: string, problem: ConfigProblem): string {
  const where = problem.line === undefined ? file : `${file}:${problem.line}`;
  return `${where}: ${problem.path}: ${problem.message}`;
}

export class ConfigError extends Error {
  readonly file: string;
  readonly problems: readonly ConfigProblem[];

  constructor(file: string, problems: readonly ConfigProblem[], options?: { cause?: unknown }) {
    super(problems.map((problem) => problemLine(file, problem)).join('\n'), options);
    this.name = 'ConfigError';
    this.file = file;
    this.problems = problems;
  }

  /** One line per problem: "config/territories.yaml:812: territories.44.hours.mon[0]: expected …". */
  get lines(): string[] {
    return this.message.split('\n');
  }
}

/** Problems found in several files at once (the studio's proof): each line names its own file and line. */
export class ConfigProblems extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'ConfigProblems';
  }
}

const PLAIN_KEY = /^[\w-]+$/;

/** ["territories", "44", "hours", "mon", 0] → "territories.44.hours.mon[0]"; [] → "(tout le fichier)". */
export function formatConfigPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (PLAIN_KEY.test(String(segment))) text += text === '' ? String(segment) : `.${String(segment)}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text === '' ? '(tout le fichier)' : text;
}
