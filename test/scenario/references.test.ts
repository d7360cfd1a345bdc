import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReferencesFile } from '../../src/scenario/parseReferencesFile.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import { REPO_ROOT, runCli } from '../helpers/runCli.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

function references(text: string, file = 'scenario.yaml') {
  const parsed = parseScenario(text, file);
  if (!parsed.ok) {
    return { issues: parsed.error.map((issue) => `${issue.span?.line}:${issue.span?.column} ${issue.message}`) };
  }
  const resolved = resolveScenario(parsed.value);
  return resolved.ok
    ? { references: resolved.value.references.map((r) => ({ ...r, value: r.value.toFixed() })) }
    : { issues: resolved.error.map((issue) => `${issue.span?.line}:${issue.span?.column} ${issue.message}`) };
}

describe('references in a scenario', () => {
  it('reads an amount alone or a mapping, each amount exactly, in the scenario unit and in the order written', () => {
    const text = lines('name: x', 'unit: BTC', 'tvl: 1', 'references:', '  eth-defi: {value: 238B, period: 2025-08, source: "the article", note: over it}', '  small: 91,332.5 BTC');
    expect(references(text)).toEqual({
      references: [
        { name: 'eth-defi', value: '238000000000', unit: 'BTC', period: '2025-08', source: 'the article', note: 'over it' },
        { name: 'small', value: '91332.5', unit: 'BTC', period: null, source: null, note: null },
      ],
    });
  });

  it('reads a JSON file as the same references', () => {
    const yaml = lines('name: x', 'tvl: 1', 'references: {eth-defi: {value: 238B, period: 2025}, etf: 115B}');
    const json = JSON.stringify({ name: 'x', tvl: 1, references: { 'eth-defi': { value: '238B', period: 2025 }, etf: '115B' } });
    expect(references(json, 'scenario.json')).toEqual(references(yaml));
  });

  it.each<{ rule: string; text: string; issue: string }>([
    { rule: 'a name not in lowercase letters, digits and hyphens', text: 'references: {Eth_DeFi: 238B}', issue: "3:14 references.Eth_DeFi: a reference name uses lowercase letters, digits and hyphens, starting with a letter or digit" },
    { rule: 'an amount that is not one', text: 'references: {eth-defi: 238X}', issue: "3:24 references.eth-defi: '238X' is not an amount" },
    { rule: 'a level of zero', text: 'references: {eth-defi: {value: 0}}', issue: '3:32 references.eth-defi.value: a reference is a level above zero (got 0)' },
    { rule: 'a misspelt key of a reference', text: 'references: {eth-defi: {value: 1B, sorce: x}}', issue: "3:36 unknown key 'sorce' in references.eth-defi" },
    { rule: 'a period that is not a year, quarter or month', text: 'references: {eth-defi: {value: 1B, period: soon}}', issue: "3:44 references.eth-defi.period: 'soon' is not a period" },
    { rule: 'a marker of another unit', text: 'references: {eth-defi: 238 BTC}', issue: "3:24 '238 BTC' is in BTC, but the references here are in USD" },
    { rule: 'an include of no file', text: 'references: {include: []}', issue: '3:23 references.include must be a file path, or a list of them' },
  ])('reports $rule where it was written', ({ text, issue }) => {
    expect(references(lines('name: x', 'tvl: 1', text))).toEqual({ issues: [issue] });
  });
});

describe('a file of references', () => {
  it('names its own line and column for each issue, and includes no other file', () => {
    const result = parseReferencesFile(lines('unit: USD', 'references:', '  include: more.yaml', '  bad: -5B'), 'refs/article.yaml');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.map((issue) => `${issue.file}:${issue.span?.line}:${issue.span?.column} ${issue.message}`)).toEqual([
      'refs/article.yaml:3:12 references.include: an included file of references cannot include another',
      'refs/article.yaml:4:8 references.bad: an amount cannot be negative (got -5B)',
    ]);
  });

  it('holds references: (and unit:) only; a scenario file is not one', () => {
    const result = parseReferencesFile(lines('name: x', 'tvl: 1'), 'x.yaml');
    expect(!result.ok && result.error.map((issue) => issue.message).sort()).toEqual(["missing required key 'references'", "unknown key 'name'", "unknown key 'tvl'"]);
  });
});

describe('the bundled file of references', () => {
  it('is not read as a scenario: not by project, not by list, not by the build that reads the bundled scenarios ahead', async () => {
    const reads = JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'cli', 'scenarios.read.json'), 'utf8')) as Record<string, unknown>;
    // Read ahead as a file of references (under its folder's name), never as a scenario.
    expect(Object.keys(reads).filter((name) => name.includes('references') || name.includes('/'))).toEqual(['references/article.yaml']);
    for (const args of [['list'], ['project', 'scenarios'], ['validate', 'scenarios']]) {
      const { stderr, exitCode } = await runCli(args);
      expect([exitCode, stderr], args.join(' ')).toEqual([0, '']);
    }
  });

  it('reads the same from the build\'s read of it as from its text, and places an issue in it either way', () => {
    const text = readFileSync(join(REPO_ROOT, 'scenarios', 'references', 'article.yaml'), 'utf8');
    const reads = JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'cli', 'scenarios.read.json'), 'utf8')) as Record<string, { data: object; checked?: unknown }>;
    const before = reads['references/article.yaml']!;
    expect(before.checked).toBeDefined();
    const parsed = parseReferencesFile(text, 'article.yaml');
    // Read data that the schema then checks, and data the build checked already.
    for (const read of [parseReferencesFile(text, 'article.yaml', { data: before.data }), parseReferencesFile(text, 'article.yaml', before)]) {
      expect(parsed.ok && read.ok).toBe(true);
      if (parsed.ok && read.ok) {
        expect(read.value.entries).toEqual(parsed.value.entries);
        expect(read.value.unit).toEqual(parsed.value.unit);
        expect(read.value.locate(['references', 'pendle'])).toEqual(parsed.value.locate(['references', 'pendle']));
      }
    }
  });

  it('gives btcfi-5-10 every reference figure of the article, each with its source', async () => {
    const { stdout } = await runCli(['project', 'btcfi-5-10', '--format', 'json', '--case', '10%']);
    const [entry] = (JSON.parse(stdout) as { scenarios: { references: { name: string; value: string; source: string; start: string }[] }[] }).scenarios;
    expect(entry!.references.map((r) => [r.name, r.value, r.start])).toEqual([
      ['eth-defi', '238000000000', 'below'],
      ['btc-etf', '115000000000', 'above'],
      ['eth-etf', '20000000000', 'above'],
      ['inflows-2025', '130000000000', 'above'],
      ['pendle', '8900000000', 'above'],
      ['babylon', '5000000000', 'above'],
      ['babylon-staking', '6000000000', 'above'],
    ]);
    expect(entry!.references.every((r) => r.source.startsWith('Source article: '))).toBe(true);
  });
});
