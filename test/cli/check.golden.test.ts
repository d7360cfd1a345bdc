// btcfi check, validate, list, init and schema end to end: the CLI in-process (see
// test/helpers/runCli.ts), compared with transcripts under test/golden/check/. Update with -u
// and review.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/jsonSchema.js';
import { commandLine, REPO_ROOT, runCli, transcript } from '../helpers/runCli.js';

const FIXTURES = 'test/fixtures/check';

const GOLDEN: { golden: string; args: string[]; exit: number }[] = [
  { golden: 'check/bundled.text', args: ['check'], exit: 0 },
  { golden: 'check/bundled.json', args: ['check', '--format', 'json'], exit: 0 },
  { golden: 'check/bundled.junit', args: ['check', '--format', 'junit'], exit: 0 },
  { golden: 'check/no-tolerance.text', args: ['check', `${FIXTURES}/defi-2031-no-tolerance.yaml`], exit: 1 },
  { golden: 'check/no-tolerance.junit', args: ['check', `${FIXTURES}/defi-2031-no-tolerance.yaml`, '--format', 'junit'], exit: 1 },
  { golden: 'check/every-kind.text', args: ['check', `${FIXTURES}/every-kind.yaml`], exit: 1 },
  { golden: 'check/every-kind.json', args: ['check', `${FIXTURES}/every-kind.yaml`, '--format', 'json'], exit: 1 },
  { golden: 'check/mixed.text', args: ['check', `${FIXTURES}/mixed`], exit: 2 },
  { golden: 'check/mixed.junit', args: ['check', `${FIXTURES}/mixed`, '--format', 'junit'], exit: 2 },
  { golden: 'check/mixed.json', args: ['check', `${FIXTURES}/mixed`, '--format', 'json'], exit: 2 },
  { golden: 'check/bad-references.text', args: ['check', `${FIXTURES}/bad-references.yaml`], exit: 2 },
  { golden: 'check/missing-file', args: ['check', `${FIXTURES}/missing.yaml`, `${FIXTURES}/mixed/b-good.yaml`], exit: 2 },
  { golden: 'check/references.text', args: ['check', 'test/fixtures/references/crossings.yaml'], exit: 0 },
  { golden: 'check/references.json', args: ['check', 'test/fixtures/references/crossings.yaml', '--format', 'json'], exit: 0 },
  { golden: 'check/references-unknown-name', args: ['check', 'test/fixtures/references/bad-name.yaml'], exit: 2 },
  { golden: 'check/references-broken-include', args: ['check', 'test/fixtures/references/broken/includes-broken.yaml'], exit: 2 },
  { golden: 'check/references-missing-include', args: ['check', 'test/fixtures/references/broken/includes-missing.yaml'], exit: 2 },
  { golden: 'check/references-wrong-unit', args: ['check', 'test/fixtures/references/broken/wrong-unit.yaml'], exit: 2 },
  { golden: 'validate/bundled', args: ['validate'], exit: 0 },
  { golden: 'validate/mixed', args: ['validate', `${FIXTURES}/mixed`, `${FIXTURES}/bad-references.yaml`], exit: 2 },
  { golden: 'list/table', args: ['list'], exit: 0 },
  { golden: 'list/json', args: ['list', '--format', 'json'], exit: 0 },
  { golden: 'check/help', args: ['check', '--help'], exit: 0 },
];

describe('golden transcripts', () => {
  it.each(GOLDEN)('$golden', async ({ golden, args, exit }) => {
    const result = await runCli(args);
    expect(result.exitCode).toBe(exit);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    await expect(transcript(commandLine(args), result)).toMatchFileSnapshot(`../golden/${golden}.txt`);
  });
});

describe('btcfi check', () => {
  it('passes on the bundled scenarios, with the summary line last', async () => {
    const { stdout, exitCode } = await runCli(['check']);
    expect(exitCode).toBe(0);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });

  it('fails with exit 1 when the rounded 26.4% is held to $770.6B without tolerance, and shows expected, got and the difference', async () => {
    const { stdout, exitCode } = await runCli(['check', `${FIXTURES}/defi-2031-no-tolerance.yaml`, '--width', '0']);
    expect(exitCode).toBe(1);
    expect(stdout).toMatch(/✗ defi-2031-no-tolerance · 2031 · tvl: expected 770\.6B, got \$769\.5268065B \(-0\.1393%\)/);
    expect(stdout).toMatch(/✓ .*within 0\.5%/);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });

  it('still checks the other files when one is invalid, and exits 2', async () => {
    const { stdout, stderr, exitCode } = await runCli(['check', `${FIXTURES}/mixed`]);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^btcfi: error: test\/fixtures\/check\/mixed\/a-broken\.yaml:3:9: /m);
    expect(stdout).toMatch(/✓ b-good · 2027 · tvl/);
  });

  it('reports an expectation naming a period, case or field that does not exist as bad input at its place', async () => {
    const { stderr, exitCode } = await runCli(['check', `${FIXTURES}/bad-references.yaml`]);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/bad-references\.yaml:9:\d+: .*no period 2032/);
    expect(stderr).toMatch(/bad-references\.yaml:10:\d+: .*no case named 'round'[\s\S]*did you mean 'rounded'/);
    expect(stderr).toMatch(/bad-references\.yaml:11:\d+: .*no utilization/);
    expect(stderr).toMatch(/bad-references\.yaml:12:\d+: .*BTC/);
  });

  it('writes well-formed JUnit XML with the right counts', async () => {
    const { stdout } = await runCli(['check', `${FIXTURES}/mixed`, `${FIXTURES}/defi-2031-no-tolerance.yaml`, '--format', 'junit']);
    expect(XMLValidator.validate(stdout)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(stdout);
    const suites = parsed.testsuites;
    expect(suites['@_tests']).toBe('5');
    expect(suites['@_failures']).toBe('1');
    expect(suites['@_errors']).toBe('1');
    const cases = suites.testsuite.flatMap((suite: { testcase: unknown[] }) => suite.testcase);
    expect(cases).toHaveLength(5);
    expect(suites.testsuite.map((suite: Record<string, string>) => suite['@_name'])).toEqual([
      `${FIXTURES}/defi-2031-no-tolerance.yaml`,
      `${FIXTURES}/mixed/a-broken.yaml`,
      `${FIXTURES}/mixed/b-good.yaml`,
    ]);
  });

  it('escapes hostile text in JUnit XML: file names, keys and messages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'btcfi-junit-'));
    try {
      const hostile = join(dir, `x&<y>"'.yaml`);
      await writeFile(hostile, 'name: x\ntvl: 1\n"<k>&\'\\"\\u0001": 2\n');
      const good = join(dir, `z&<w>.yaml`);
      await writeFile(good, 'name: z\ntvl: 1\nexpect:\n  - {period: +0, tvl: 2}\n');
      const { stdout, exitCode } = await runCli(['check', hostile, good, '--format', 'junit']);
      expect(exitCode).toBe(2);
      expect(XMLValidator.validate(stdout)).toBe(true);
      const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' }).parse(stdout);
      expect(parsed.testsuites.testsuite.map((suite: Record<string, string>) => suite['@_name'])).toEqual([hostile, good]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes the report to -o atomically, even when a check fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'btcfi-check-'));
    try {
      const out = join(dir, 'btcfi.xml');
      const { stdout, exitCode } = await runCli(['check', `${FIXTURES}/defi-2031-no-tolerance.yaml`, '--format', 'junit', '-o', out]);
      expect(exitCode).toBe(1);
      expect(stdout).toBe('');
      expect(XMLValidator.validate(await readFile(out, 'utf8'))).toBe(true);
      expect(readdirSync(dir)).toEqual(['btcfi.xml']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('gives every expectation its fields and outcome in JSON, figures as strings', async () => {
    const { stdout } = await runCli(['check', `${FIXTURES}/every-kind.yaml`, '--format', 'json']);
    const report = JSON.parse(stdout);
    expect(report.btcfi).toBe(1);
    expect(report.check).toEqual({ passed: 4, failed: 3, invalid: 0 });
    const [first] = report.files[0].expectations;
    expect(first).toMatchObject({ period: '2026-Q1', field: 'tvl', got: '100000000000', passed: true });
    expect(typeof first.expected.value).toBe('string');
  });
});

describe('btcfi schema', () => {
  it('prints the committed schema/scenario.schema.json, so the file never drifts from the code', async () => {
    const committed = readFileSync(join(REPO_ROOT, 'schema/scenario.schema.json'), 'utf8');
    expect(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`).toBe(committed);
    const { stdout, exitCode } = await runCli(['schema']);
    expect(exitCode).toBe(0);
    expect(stdout).toBe(committed);
  });

  it('is draft-07, the draft YAML language servers read', () => {
    expect(scenarioJsonSchema()['$schema']).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('is named on the first line of every bundled scenario', () => {
    for (const name of readdirSync(join(REPO_ROOT, 'scenarios')).filter((file) => file.endsWith('.yaml'))) {
      const first = readFileSync(join(REPO_ROOT, 'scenarios', name), 'utf8').split('\n')[0];
      expect(first, name).toBe('# yaml-language-server: $schema=../schema/scenario.schema.json');
    }
  });
});

describe('btcfi init', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'btcfi-init-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a starter that validates and checks, and refuses to overwrite it', async () => {
    const run = (args: string[]) => runCli(args, { cwd: dir });
    const init = await run(['init', 'demo']);
    expect(init.exitCode).toBe(0);
    expect(init.stdout).toBe('');
    const text = await readFile(join(dir, 'demo.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\/btcfi\.schema\.json\n/);
    const schemaPath = /\$schema=(\S+)/.exec(text)![1]!;
    expect(readFileSync(join(dir, schemaPath), 'utf8')).toContain('draft-07');
    const check = await run(['check', 'demo.yaml']);
    expect(check.exitCode).toBe(0);
    expect(check.stdout).toMatch(/3 passed, 0 failed/);
    const again = await run(['init', 'demo']);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/demo\.yaml: the file already exists/);
    expect(await readFile(join(dir, 'demo.yaml'), 'utf8')).toBe(text);
  });

  it('refuses a name that is not a scenario name', async () => {
    const { exitCode, stderr } = await runCli(['init', 'My Claim'], { cwd: dir });
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/not a scenario name/);
  });
});
