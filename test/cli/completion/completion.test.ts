import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompletionCommand } from '../../../src/cli/commands/completion.js';
import { loadScenarioNames } from '../../../src/cli/completion/loadScenarioNames.js';
import { makeCompletionScript, SHELLS, type Shell } from '../../../src/cli/completion/makeCompletionScript.js';
import type { Io } from '../../../src/cli/io.js';
import { makeCliContext, type CliContext } from '../../../src/cli/context.js';
import { makeProgram } from '../../../src/cli/program.js';

const BUNDLED = ['bob-babylon', 'btcfi-100b', 'btcfi-2025', 'btcfi-5-10', 'btcfi-price', 'defi-2031', 'l2-2025', 'staking-500b'];
const ZSH_HARNESS = fileURLToPath(new URL('zshComplete.zsh', import.meta.url));

function hasShell(shell: string): boolean {
  try {
    execFileSync(shell, ['-c', 'exit 0'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A program as btcfi builds it, with the completion command (added here until program.ts does). */
function makeContext(): { context: CliContext; stdout: string[] } {
  const stdout: string[] = [];
  const io: Io = {
    stdout: (text) => stdout.push(text),
    stdoutStream: null,
    stderr: () => {},
    readStdin: async () => ({ text: '' }),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    columns: null,
    env: {},
  };
  return { context: makeCliContext([], io, () => {}), stdout };
}

function makeBtcfi(): Command {
  const { context } = makeContext();
  const program = makeProgram(context);
  if (!program.commands.some((command) => command.name() === 'completion')) {
    addCompletionCommand(program, context);
  }
  return program;
}

function run(file: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, [...args], { cwd, encoding: 'utf8', timeout: 15_000 }, (error, stdout, stderr) => {
      if (error !== null) {
        reject(new Error(`${file} failed: ${error.message}\n${stderr}`));
        return;
      }
      resolve(stdout);
    });
  });
}

let work: string;
let cwd: string;
const scripts = new Map<Shell, string>();

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'btcfi-completion-'));
  // The folder completions run in: files for the arguments that take one.
  cwd = join(work, 'cwd');
  mkdirSync(join(cwd, 'claims'), { recursive: true });
  writeFileSync(join(cwd, 'my-claim.yaml'), 'name: my-claim\n');
  for (const shell of SHELLS) {
    const path = join(work, `btcfi.${shell}`);
    writeFileSync(path, makeCompletionScript(shell, makeBtcfi(), BUNDLED));
    scripts.set(shell, path);
  }
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/**
 * What bash completes for the words, the last being the one under the cursor: the script is
 * sourced, COMP_WORDS and COMP_CWORD set as bash sets them, and the function called.
 */
async function bashComplete(words: readonly string[], script = scripts.get('bash')!): Promise<string[]> {
  const harness = 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _btcfi; printf "%s\\n" "${COMPREPLY[@]}"';
  const out = await run('bash', ['--norc', '--noprofile', '-c', harness, 'bash', script, ...words], cwd);
  return out.split('\n').filter((line) => line !== '');
}

describe('bash completion', () => {
  it.each([
    ['a command', ['btcfi', 'pro'], ['project']],
    ['an option of the command', ['btcfi', 'project', '--for'], ['--format']],
    ["the command's format choices", ['btcfi', 'project', '--format', ''], ['table', 'csv', 'json', 'markdown', 'svg']],
    ["grid's format choices, a picture among them", ['btcfi', 'grid', '--format', 's'], ['svg']],
    ["another command's format choices", ['btcfi', 'check', '-f', ''], ['text', 'json', 'junit', 'markdown']],
    ['a choice after =, which bash splits off', ['btcfi', 'project', '--format', '=', 'c'], ['csv']],
    ['a choice after = in one word', ['btcfi', 'project', '--format=j'], ['--format=json']],
    ['the choices of another option', ['btcfi', 'project', '--step', 'q'], ['quarter']],
    ['a subcommand', ['btcfi', 'solve', 'g'], ['growth']],
    ["a subcommand's format choices", ['btcfi', 'solve', 'growth', '-f', ''], ['text', 'json', 'markdown']],
    ['a scenario name for --scenario', ['btcfi', 'project', '-s', 'd'], ['defi-2031']],
    ['the report command', ['btcfi', 'rep'], ['report']],
    ["the report's options", ['btcfi', 'report', '--outp'], ['--output']],
    ['a scenario name for the report', ['btcfi', 'report', '--scenario', 'btcfi-5'], ['btcfi-5-10']],
    ['the shells', ['btcfi', 'completion', ''], ['bash', 'zsh', 'fish']],
    ['a global option after a command', ['btcfi', 'list', '--no-c'], ['--no-color']],
    ['a command after a global option', ['btcfi', '--no-color', 'gr'], ['grid']],
    ['past an option value that looks like an option', ['btcfi', 'project', '--growth', '-74%', '-f', 'j'], ['json']],
    ['nothing for a value it cannot guess', ['btcfi', 'project', '--growth', ''], []],
  ])('completes %s', async (_what, words, expected) => {
    expect(await bashComplete(words)).toEqual(expected);
  });

  it('offers every command, help included', async () => {
    expect((await bashComplete(['btcfi', ''])).sort()).toEqual(['check', 'completion', 'grid', 'help', 'init', 'list', 'project', 'report', 'schema', 'solve', 'validate']);
  });

  it('offers the bundled scenario names and files for grid', async () => {
    expect((await bashComplete(['btcfi', 'grid', ''])).sort()).toEqual([...BUNDLED, 'claims', 'my-claim.yaml'].sort());
  });

  it('offers files for paths and for --output', async () => {
    expect((await bashComplete(['btcfi', 'project', ''])).sort()).toEqual(['claims', 'my-claim.yaml']);
    expect(await bashComplete(['btcfi', 'check', '-o', 'my'])).toEqual(['my-claim.yaml']);
  });

  it('offers no scenario once grid has its one', async () => {
    expect(await bashComplete(['btcfi', 'grid', 'defi-2031', ''])).toEqual([]);
  });

  it('takes the scenario names it is given', async () => {
    const path = join(work, 'names.bash');
    writeFileSync(path, makeCompletionScript('bash', makeBtcfi(), ['alpha', 'beta', 'not a word']));
    expect(await bashComplete(['btcfi', 'grid', 'a'], path)).toEqual(['alpha']);
  });

  it('completes a command and an option added to the program, with no change to the completion code', async () => {
    const program = makeBtcfi();
    program.command('extra').addOption(new Option('--flavour <name>', 'a flavour').choices(['sweet', 'sour']));
    const path = join(work, 'extra.bash');
    writeFileSync(path, makeCompletionScript('bash', program, BUNDLED));
    expect(await bashComplete(['btcfi', 'ext'], path)).toEqual(['extra']);
    expect(await bashComplete(['btcfi', 'extra', '--flavour', 's'], path)).toEqual(['sweet', 'sour']);
  });
});

describe('btcfi completion', () => {
  it.each(SHELLS)('writes the %s script to stdout', async (shell) => {
    const { context, stdout } = makeContext();
    const program = makeProgram(context);
    if (!program.commands.some((command) => command.name() === 'completion')) {
      addCompletionCommand(program, context);
    }
    await program.parseAsync(['completion', shell], { from: 'user' });
    const script = stdout.join('');
    expect(script).toContain('defi-2031');
    expect(script.endsWith('\n')).toBe(true);
    expect(script).toContain({ bash: 'complete -F _btcfi btcfi', zsh: '#compdef btcfi', fish: 'complete -c btcfi' }[shell]);
  });

  it('reads the bundled scenario names from the scenarios folder', async () => {
    expect(await loadScenarioNames()).toEqual(BUNDLED);
    expect(await loadScenarioNames(join(tmpdir(), 'btcfi-no-such-folder'))).toEqual([]);
  });
});

describe.skipIf(!hasShell('fish'))('fish completion (fish is installed)', () => {
  async function fishComplete(line: string): Promise<string[]> {
    const out = await run('fish', ['--no-config', '-c', `source ${scripts.get('fish')!}; complete -C '${line}'`], cwd);
    return out.split('\n').filter((entry) => entry !== '').map((entry) => entry.split('\t')[0]!);
  }

  it('accepts the syntax', async () => {
    await run('fish', ['--no-execute', scripts.get('fish')!], cwd);
  });

  it.each([
    ['btcfi pro', ['project']],
    ['btcfi project --for', ['--format']],
    ['btcfi project --format ', ['csv', 'json', 'table']],
    ['btcfi check --format ', ['json', 'junit', 'text']],
    ['btcfi solve growth -f ', ['json', 'text']],
    ['btcfi project -s d', ['defi-2031']],
    ['btcfi completion ', ['bash', 'fish', 'zsh']],
  ])('completes %j', async (line, expected) => {
    expect((await fishComplete(line)).sort()).toEqual(expected);
  });

  it('offers the bundled scenario names and files for grid', async () => {
    expect((await fishComplete('btcfi grid ')).sort()).toEqual([...BUNDLED, 'claims/', 'my-claim.yaml'].sort());
  });
});

describe.skipIf(!hasShell('zsh'))('zsh completion (zsh is installed)', () => {
  async function zshComplete(line: string): Promise<string[]> {
    const out = await run('zsh', ['-f', ZSH_HARNESS, scripts.get('zsh')!, line], cwd);
    return out.split('\n').filter((entry) => entry !== '').sort();
  }

  it('accepts the syntax', async () => {
    await run('zsh', ['-n', scripts.get('zsh')!], cwd);
  });

  it.each([
    ['btcfi pro', ['project']],
    ['btcfi project --for', ['--format']],
    ['btcfi project --format ', ['csv', 'json', 'table']],
    ['btcfi solve growth -f ', ['json', 'text']],
    ['btcfi project -s d', ['defi-2031']],
  ])('completes %j in an interactive zsh', async (line, expected) => {
    expect(await zshComplete(line)).toEqual(expected);
  });

  it('offers the bundled scenario names and files for grid', async () => {
    expect(await zshComplete('btcfi grid ')).toEqual([...BUNDLED, 'claims', 'my-claim.yaml'].sort());
  });
});
