import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

function memoryIo(): { io: Io; stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = {
    stdout: (text) => stdout.push(text),
    stdoutStream: null,
    stderr: (text) => stderr.push(text),
    readStdin: async () => ({ text: '' }),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    columns: null,
    env: {},
  };
  return { io, stdout, stderr };
}

describe('solve -o', () => {
  let directory = '';
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'btcfi-solve-output-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('writes the same result to the file as to stdout, and says so on stderr', async () => {
    const argv = ['solve', 'growth', '--from', '238.5B', '--to', '770.6B', '--years', '5', '--format', 'json'];
    const direct = memoryIo();
    expect(await run(argv, direct.io)).toBe(0);
    const file = join(directory, 'growth.json');
    const toFile = memoryIo();
    expect(await run([...argv, '-o', file], toFile.io)).toBe(0);
    expect(toFile.stdout.join('')).toBe('');
    expect(toFile.stderr.join('')).toBe(`btcfi: wrote ${file}\n`);
    expect(await readFile(file, 'utf8')).toBe(direct.stdout.join(''));
  });

  it('exits 2 with one line when the file cannot be written', async () => {
    const { io, stdout, stderr } = memoryIo();
    const file = join(directory, 'missing', 'end.txt');
    expect(await run(['solve', 'end', '--from', '1B', '--growth', '10%', '--years', '2', '-o', file], io)).toBe(2);
    expect(stdout.join('')).toBe('');
    expect(stderr.join('')).toMatch(new RegExp(`^btcfi: error: cannot write ${file}: `));
  });
});
