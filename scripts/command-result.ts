/**
 * What a staff command prints and the status it exits with, as a value: the
 * command's work runs as a function (which the tests call in the same process,
 * without starting Node for each case), and its bin file only prints the result.
 */

/** Where a command runs: the content folder it reads and writes, and the folder paths are shown relative to. */
export interface CommandPlace {
  contentDir: string;
  cwd: string;
}

export interface CommandResult {
  /** The exit code: 0 done, 1 refused or failed. */
  status: 0 | 1;
  stdout: string;
  stderr: string;
}

/** Lines as `console.log` would print them, each ended by a newline. */
const asLines = (lines: readonly string[]) => lines.map((line) => `${line}\n`).join('');

export const succeeded = (...lines: string[]): CommandResult => ({ status: 0, stdout: asLines(lines), stderr: '' });

export const failed = (...lines: string[]): CommandResult => ({ status: 1, stdout: '', stderr: asLines(lines) });

/** The bin side: prints the result and sets the exit code, letting the output drain before Node exits. */
export function printResult(result: CommandResult): void {
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.status;
}
