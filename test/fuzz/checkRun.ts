// One CLI run checked against the house rules, for the CLI fuzz campaign and its fixtures.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commandLine, runCli } from '../helpers/runCli.js';
import type { ArgvCase } from './argvArbitraries.js';

const OLD = 'old content\n';
/** Commands that report per file: an invalid file is exit 2, and the others' results still go to stdout (or -o). */
const REPORTS_PER_FILE = new Set(['check', 'validate']);
const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

/** What is wrong with one run in a fresh folder `dir` (made, then removed), or null. */
export async function checkRun(run: ArgvCase, dir: string): Promise<string | null> {
  await mkdir(join(dir, 'out'), { recursive: true });
  try {
    return await check(run, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function check(run: ArgvCase, dir: string): Promise<string | null> {
  if (run.outputExists) {
    await writeFile(join(dir, 'out.csv'), OLD);
  }
  const result = await runCli(run.args, { input: run.input, cwd: dir });
  const problems: string[] = [];
  if (result.exitCode === null || ![0, 1, 2].includes(result.exitCode)) {
    problems.push(`exit code ${String(result.exitCode)}`);
  }
  if (STACK_FRAME.test(result.stderr) || /btcfi: internal error|^(Type|Range|Reference|Syntax)?Error: /m.test(result.stderr)) {
    problems.push('stderr shows an internal error or a stack trace');
  }
  const { command } = run;
  if (result.exitCode === 2 && !REPORTS_PER_FILE.has(command) && result.stdout !== '') {
    problems.push('a usage error wrote to stdout');
  }
  if (result.exitCode === 2 && result.stderr === '') {
    problems.push('exit 2 without a message');
  }
  if (run.output === 'out.csv') {
    const target = join(dir, 'out.csv');
    const content = existsSync(target) ? await readFile(target, 'utf8') : null;
    if (result.exitCode === 2 && !REPORTS_PER_FILE.has(command) && content !== (run.outputExists ? OLD : null)) {
      problems.push(`a failed run changed ${target}`);
    }
    const helpOnly = run.args.some((arg) => ['-h', '--help', '-V', '--version', 'help'].includes(arg));
    if (result.exitCode === 0 && !helpOnly && (content === null || content === OLD)) {
      problems.push(`a successful run did not write ${target}`);
    }
  }
  const leftovers = (await readdir(dir, { recursive: true })).filter((name) => name.includes('.tmp-'));
  if (leftovers.length > 0) {
    problems.push(`temporary files left: ${leftovers.join(', ')}`);
  }
  return problems.length === 0 ? null : `${commandLine(run.args)}  (stdin ${JSON.stringify(run.input.slice(0, 60))})\n  ${problems.join('; ')}\n  exit ${String(result.exitCode)}; stderr: ${result.stderr.slice(0, 400)}`;
}

/** Runs `tasks` with at most `width` at a time. */
export async function pool<T>(items: readonly T[], width: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next;
        next += 1;
        await task(items[index]!, index);
      }
    }),
  );
}

