// btcfi check in CI: the digits of a near miss, runs that evaluate nothing, --scenario and --case
// as project takes them, and expectations of sampled figures (p50, p_target). The CLI in-process,
// compared with transcripts under test/golden/check-ci/. Update with -u and review.
import { describe, expect, it } from 'vitest';
import { commandLine, runCli, transcript } from '../helpers/runCli.js';

const FIXTURES = 'test/fixtures/check-ci';

const GOLDEN: { golden: string; args: string[]; exit: number }[] = [
  { golden: 'near-miss.text', args: ['check', `${FIXTURES}/near-miss.yaml`], exit: 1 },
  { golden: 'near-miss.junit', args: ['check', `${FIXTURES}/near-miss.yaml`, '--format', 'junit'], exit: 1 },
  { golden: 'sampled.text', args: ['check', `${FIXTURES}/sampled.yaml`], exit: 0 },
  { golden: 'sampled.json', args: ['check', `${FIXTURES}/sampled.yaml`, '--format', 'json'], exit: 0 },
  { golden: 'bad-sampled.text', args: ['check', `${FIXTURES}/bad-sampled.yaml`], exit: 2 },
  { golden: 'nothing-evaluated.text', args: ['check', `${FIXTURES}/dir`], exit: 1 },
  { golden: 'some-without.text', args: ['check', `${FIXTURES}/no-expectations.yaml`, 'l2-2025'], exit: 0 },
  { golden: 'filter-scenario.text', args: ['check', '-s', 'defi-2031', '-s', 'l2-2025'], exit: 0 },
  { golden: 'filter-case.text', args: ['check', '-s', 'defi-2031', '-c', 'exact'], exit: 0 },
  { golden: 'filter-unknown.text', args: ['check', '-s', 'defi-2030'], exit: 2 },
  { golden: 'help', args: ['check', '--help'], exit: 0 },
];

describe('golden transcripts', () => {
  it.each(GOLDEN)('check-ci/$golden', async ({ golden, args, exit }) => {
    const result = await runCli(args);
    expect(result.exitCode).toBe(exit);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    await expect(transcript(commandLine(args), result)).toMatchFileSnapshot(`../golden/check-ci/${golden}.txt`);
  });
});

describe('a near miss', () => {
  it('shows both figures to 40 digits, where they part, and the relative difference in scientific form', async () => {
    const { stdout } = await runCli(['check', `${FIXTURES}/near-miss.yaml`]);
    const lines = stdout.split('\n');
    expect(lines[0]).toContain('— to 40 digits: expected 770599999999.9999999999999999999999999999, got 770600000000 (parting at significant digit 4), relative difference 1.3e-40');
    expect(lines[1]).toContain('expected 769526806500, got 769526806517.121024 (parting at significant digit 11), relative difference 2.2e-11');
    expect(lines[2]).toContain('at least 301548038364.5665385076834373255776306002, got 301548038364.5665385076834373255776306001 (parting at significant digit 40)');
    // Figures that plainly differ need no more digits.
    expect(lines[3]).not.toContain('40 digits');
  });
});

describe('runs that evaluate nothing', () => {
  it('exit 1 and name the files, like a test runner that ran no test', async () => {
    const { stdout, stderr, exitCode } = await runCli(['check', `${FIXTURES}/dir`]);
    expect(exitCode).toBe(1);
    expect(stderr).toBe(`btcfi: note: 2 files have no expectation to evaluate (no expect: list, or none for the cases chosen): ${FIXTURES}/dir/a-none.yaml, ${FIXTURES}/dir/b-none.yaml\n`);
    expect(stdout).toBe('0 passed, 0 failed: no expectation was evaluated\n');
  });

  it('a file without expectations beside one with them: a note, and the exit code of those evaluated', async () => {
    const { stderr, exitCode } = await runCli(['check', `${FIXTURES}/no-expectations.yaml`, 'l2-2025']);
    expect(exitCode).toBe(0);
    expect(stderr).toMatch(/^btcfi: note: test\/fixtures\/check-ci\/no-expectations\.yaml has no expectation to evaluate/);
  });
});

describe('--scenario and --case', () => {
  it('select what project selects: the same scenarios and cases, the same errors', async () => {
    for (const filter of [['-s', 'defi-2031'], ['-c', 'exact'], ['-s', 'btcfi-5-10', '-c', '10%', '-c', '11.9%'], ['-c', 'rounded', '-s', 'defi-2031']]) {
      const project = JSON.parse((await runCli(['project', ...filter, '--format', 'json'])).stdout) as { scenarios: { name: string; case: string | null }[] };
      const selected = new Set(project.scenarios.map((entry) => `${entry.name}|${entry.case}`));
      const check = JSON.parse((await runCli(['check', ...filter, '--format', 'json'])).stdout) as { files: { scenario: string; expectations: { case: string | null }[] }[] };
      const evaluated = new Set(check.files.flatMap((file) => file.expectations.map((e) => `${file.scenario}|${e.case}`)));
      expect(evaluated.size, filter.join(' ')).toBeGreaterThan(0);
      expect([...evaluated].filter((entry) => !selected.has(entry)), filter.join(' ')).toEqual([]);
    }
    for (const filter of [['-s', 'defi-2030'], ['-c', 'exakt']]) {
      const project = await runCli(['project', ...filter]);
      const check = await runCli(['check', ...filter]);
      expect(check.exitCode).toBe(2);
      expect(check.stderr).toBe(project.stderr);
    }
  });

  it('an expectation naming a case that does not exist is still reported when a filter leaves cases out', async () => {
    const { stderr, exitCode } = await runCli(['check', 'test/fixtures/check/bad-references.yaml', '-c', 'rounded']);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/no case named 'round'/);
  });
});

describe('expectations of sampled figures', () => {
  it('evaluate the figures project prints for the same samples and seed, and say so', async () => {
    const project = JSON.parse((await runCli(['project', `${FIXTURES}/sampled.yaml`, '--format', 'json', '--samples', '2000', '--seed', '7'])).stdout) as {
      scenarios: { rows: { tvl: string; quantiles: { p50: string }; target_probability: string }[] }[];
    };
    const last = project.scenarios[0]!.rows.at(-1)!;
    const check = JSON.parse((await runCli(['check', `${FIXTURES}/sampled.yaml`, '--format', 'json', '--samples', '2000', '--seed', '7'])).stdout) as {
      files: { expectations: { field: string; got: string; evaluated?: string; statistic?: string; samples?: number; seed?: number }[] }[];
    };
    const [p50, pTarget, , , exactPath] = check.files[0]!.expectations;
    expect(p50).toMatchObject({ evaluated: 'sampled', statistic: 'p50', samples: 2000, seed: 7, got: last.quantiles.p50 });
    expect(pTarget).toMatchObject({ evaluated: 'sampled', statistic: 'p_target', got: last.target_probability });
    expect(exactPath).toMatchObject({ evaluated: 'median path' });
  });

  it('are the same run after run: the seed makes them deterministic', async () => {
    const args = ['check', `${FIXTURES}/sampled.yaml`, '--format', 'json'];
    expect((await runCli(args)).stdout).toBe((await runCli(args)).stdout);
  });
});
