// btcfi init and btcfi schema -o: a starter scenario whose schema line an editor resolves from
// the file's own folder, wherever the folder is committed, cloned or moved.
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assertBuilt, REPO_ROOT, runCli } from '../helpers/runCli.js';

const SCHEMA_LINE = /^# yaml-language-server: \$schema=(\S+)\n/;

/** As yaml-language-server does: the first line's $schema, resolved against the YAML file's folder. */
async function validateAsAnEditor(yamlFile: string): Promise<{ readonly valid: boolean; readonly errors: unknown }> {
  const text = await readFile(yamlFile, 'utf8');
  const path = SCHEMA_LINE.exec(text)?.[1];
  expect(path, 'a schema line').toBeDefined();
  const schema = JSON.parse(await readFile(resolve(dirname(yamlFile), path!), 'utf8'));
  const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);
  return { valid: validate(parse(text)) === true, errors: validate.errors };
}

describe('btcfi init', () => {
  let dir: string;
  beforeAll(async () => {
    assertBuilt();
    dir = await mkdtemp(join(tmpdir(), 'btcfi-init-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes NAME.yaml and btcfi.schema.json beside it, the first naming the second relatively', async () => {
    const folder = join(dir, 'fresh');
    await mkdir(folder);
    const { stdout, stderr, exitCode } = await runCli(['init', 'demo'], { cwd: folder });
    expect(exitCode).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('btcfi: wrote demo.yaml and btcfi.schema.json; try: btcfi check demo.yaml\n');
    expect((await readdir(folder)).sort()).toEqual(['btcfi.schema.json', 'demo.yaml']);
    const text = await readFile(join(folder, 'demo.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./btcfi.schema.json');
    expect(text).not.toContain(REPO_ROOT);
    const printed = await runCli(['schema']);
    expect(await readFile(join(folder, 'btcfi.schema.json'), 'utf8')).toBe(printed.stdout);
  });

  it('its output validates with ajv, the schema found from the file\'s folder, there and after a move', async () => {
    const folder = join(dir, 'editor');
    await mkdir(folder);
    expect((await runCli(['init', 'demo'], { cwd: folder })).exitCode).toBe(0);
    expect(await validateAsAnEditor(join(folder, 'demo.yaml'))).toEqual({ valid: true, errors: null });
    const moved = join(dir, 'committed', 'and', 'cloned');
    await cp(folder, moved, { recursive: true });
    expect(await validateAsAnEditor(join(moved, 'demo.yaml'))).toEqual({ valid: true, errors: null });
    const check = await runCli(['check', 'demo.yaml'], { cwd: moved });
    expect(check.exitCode).toBe(0);
  });

  it('an editor reading the same schema marks a mistake in the starter', async () => {
    const folder = join(dir, 'mistake');
    await mkdir(folder);
    await runCli(['init', 'demo'], { cwd: folder });
    const file = join(folder, 'demo.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('utilization: 5%  ', 'utilization: 140%'));
    expect((await validateAsAnEditor(file)).valid).toBe(false);
    expect((await runCli(['validate', 'demo.yaml'], { cwd: folder })).exitCode).toBe(2);
  });

  it('keeps a schema that is there already, and writes the next scenario beside it', async () => {
    const folder = join(dir, 'second');
    await mkdir(folder);
    await writeFile(join(folder, 'btcfi.schema.json'), '{"mine": true}\n');
    const { stderr, exitCode } = await runCli(['init', 'other'], { cwd: folder });
    expect(exitCode).toBe(0);
    expect(stderr).toBe('btcfi: wrote other.yaml; try: btcfi check other.yaml\n');
    expect(await readFile(join(folder, 'btcfi.schema.json'), 'utf8')).toBe('{"mine": true}\n');
    expect((await readdir(folder)).sort()).toEqual(['btcfi.schema.json', 'other.yaml']);
  });
});

describe('btcfi schema -o', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'btcfi-schema-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the schema anywhere, atomically, and says so on stderr', async () => {
    const out = join(dir, 'scenario.schema.json');
    const { stdout, stderr, exitCode } = await runCli(['schema', '-o', out]);
    expect(exitCode).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe(`btcfi: wrote ${out}\n`);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(REPO_ROOT, 'schema', 'scenario.schema.json'), 'utf8'));
    expect(await readdir(dir)).toEqual(['scenario.schema.json']);
  });

  it('a folder that does not exist is bad input, exit 2', async () => {
    const { stderr, exitCode } = await runCli(['schema', '-o', join(dir, 'no', 'such', 'x.json')]);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^btcfi: error: cannot write .*x\.json: no such file or directory\n/);
  });
});
