import { describe, expect, it } from 'vitest';
import { commandNamed } from '../../src/cli/program.js';
import { runCli } from '../helpers/runCli.js';

describe('commandNamed: the one command a run needs defined', () => {
  it.each([
    [['project'], 'project'],
    [['project', 'defi-2031', '--format', 'csv'], 'project'],
    [['--no-color', '-q', 'check'], 'check'],
    [['--locale', 'zh-CN', 'grid', 'x'], 'grid'],
    [['--locale=zh-CN', 'solve', 'growth'], 'solve'],
    [['--width', '44', 'project'], 'project'],
    // Help and completion describe every command; a word that is no command gets them all for its hint.
    [['help', 'project'], undefined],
    [['completion', 'bash'], undefined],
    [['projcet'], undefined],
    [['--locale', 'project'], undefined],
    [['--', 'project'], undefined],
    [['--help'], undefined],
    [[], undefined],
  ] as const)('%j -> %s', (argv, expected) => {
    expect(commandNamed(argv)).toBe(expected);
  });
});

describe('a run defines its command alone, and says the same as with every command', () => {
  it('misspelt options get the same hint', async () => {
    const result = await runCli(['project', '--utilisation', '5%']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--utilization');
  });

  it('a misspelt command is still matched against every command', async () => {
    const result = await runCli(['projcet']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('project');
  });
});
