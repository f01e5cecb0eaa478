/**
 * Runs a command for a benchmark and measures its wall time and, through GNU
 * time where it is installed, the CPU time (user + system) of the command and
 * its descendants, and the peak RSS of the largest process it ran: time
 * reports the maximum resident set of the command and its waited-for
 * descendants (getrusage RUSAGE_CHILDREN keeps the largest, it does not add
 * them up).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface MeasuredRun {
  seconds: number;
  /** Undefined where GNU time is not installed. */
  peakKb: number | undefined;
  cpuSeconds: number | undefined;
  output: string;
}

export function measuredRun(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): MeasuredRun {
  const timed = existsSync(GNU_TIME);
  const dir = mkdtempSync(join(tmpdir(), 'measured-run-'));
  const usageFile = join(dir, 'usage');
  const started = performance.now();
  const result = timed
    ? spawnSync(GNU_TIME, ['-f', '%M %U %S', '-o', usageFile, command, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  const output = `${result.stdout}${result.stderr}`;
  const usage = timed ? readFileSync(usageFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) : undefined;
  rmSync(dir, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${output.slice(-3000)}`);
  return { seconds, peakKb: usage?.[0], cpuSeconds: usage ? usage[1]! + usage[2]! : undefined, output };
}
