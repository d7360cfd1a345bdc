// --format markdown read back with a real markdown parser (marked, GitHub-flavoured): the tables
// have the structure and alignment they claim, every figure equals the JSON output's rounded as
// the table rounds it, and text from files stays text: no HTML, link, emphasis or extra column.
import { Decimal as DecimalJs } from 'decimal.js';
import { Lexer, type Token, type Tokens } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assertBuilt, REPO_ROOT, runCli } from '../helpers/runCli.js';

beforeAll(assertBuilt);

/** Decimals with room for every digit of the outputs. */
const Decimal = DecimalJs.clone({ precision: 100 });
type Decimal = InstanceType<typeof Decimal>;

const SCENARIOS = readdirSync(join(REPO_ROOT, 'scenarios'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.replace(/\.yaml$/, ''))
  .sort();

const lex = (text: string): Token[] => new Lexer({ gfm: true }).lex(text);

/** Every token, nested ones included. */
function allTokens(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((token) => {
    const inner: Token[] = [];
    const t = token as Token & { tokens?: Token[]; items?: Token[]; header?: Tokens.TableCell[]; rows?: Tokens.TableCell[][] };
    for (const list of [t.tokens, t.items, ...(t.header === undefined ? [] : [t.header.flatMap((cell) => cell.tokens)]), ...(t.rows ?? []).map((row) => row.flatMap((cell) => cell.tokens))]) {
      if (list !== undefined) {
        inner.push(...allTokens(list));
      }
    }
    return [token, ...inner];
  });
}

/** The text a reader sees of inline tokens: escapes undone. */
function shown(tokens: readonly Token[]): string {
  return tokens.map((token) => ('tokens' in token && token.tokens !== undefined ? shown(token.tokens) : token.type === 'escape' ? token.text : (token as { text?: string }).text ?? token.raw)).join('');
}

const cellText = (cell: Tokens.TableCell): string => shown(cell.tokens);

const SCALE: Record<string, string> = { M: '1e6', B: '1e9', T: '1e12' };

/** A figure as a table shows it (`$769.5B`, `91,332 BTC`, `+26.44%`) as a decimal: a rate as a fraction. */
function figureOf(text: string): Decimal {
  const match = /^([+-]?)\$?([0-9,]+(?:\.[0-9]+)?)([MBT]?)( BTC)?(%?)$/.exec(text);
  if (match === null) {
    throw new Error(`not a figure: ${text}`);
  }
  const [, sign, digits, scale, , percent] = match;
  let value = new Decimal(`${sign}${digits!.replace(/,/g, '')}`);
  if (scale !== '') {
    value = value.times(SCALE[scale!]!);
  }
  return percent === '%' ? value.div(100) : value;
}

/** An exact figure rounded as a table rounds it: `digits` significant digits, every whole digit below a million. */
function rounded(exact: string, digits: number, rate = false): Decimal {
  const value = new Decimal(exact);
  if (rate) {
    return value.times(100).toSignificantDigits(digits, Decimal.ROUND_HALF_EVEN).div(100);
  }
  const whole = value.abs().trunc().toFixed().length;
  return value.abs().lt('1e6') && whole >= digits ? value.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN) : value.toSignificantDigits(digits, Decimal.ROUND_HALF_EVEN);
}

/** Every table is GitHub-flavoured: the first column left, every figure column right-aligned; and nothing from the data became markup. */
function checkTables(tokens: readonly Token[]): Tokens.Table[] {
  const tables = tokens.filter((token): token is Tokens.Table => token.type === 'table');
  for (const table of tables) {
    expect(table.align[0]).toBe('left');
    for (const row of table.rows) {
      expect(row.length).toBe(table.header.length);
    }
  }
  // A bare address stays a bare address: GitHub links it, showing the address itself.
  const bareAddress = (token: Token): boolean => token.type === 'link' && token.raw === token.href && token.text === token.href;
  const markup = allTokens(tokens).filter((token) => ['html', 'link', 'image', 'codespan', 'del'].includes(token.type) && !bareAddress(token));
  expect(markup).toEqual([]);
  return tables;
}

interface JsonEntry {
  name: string;
  case: string | null;
  title: string | null;
  rows: { period: string; market_cap: string | null; utilization: string | null; tvl: string }[];
}

describe('project --format markdown', () => {
  it.each(SCENARIOS.flatMap((name) => [4, 12].map((digits) => [name, digits] as const)))('%s with %i digits: figures equal the JSON output rounded', async (name, digits) => {
    const markdown = await runCli(['project', name, '--format', 'markdown', ...(digits === 4 ? [] : ['--digits', String(digits)])]);
    const json = await runCli(['project', name, '--format', 'json']);
    expect(markdown.exitCode).toBe(0);
    const entries = (JSON.parse(json.stdout) as { scenarios: JsonEntry[] }).scenarios;
    const tokens = lex(markdown.stdout);
    const heading = tokens.find((token): token is Tokens.Heading => token.type === 'heading')!;
    expect(heading.depth).toBe(2);
    expect(shown(heading.tokens)).toBe(entries[0]!.title ?? name);
    const tables = checkTables(tokens);
    expect(tables.length).toBeGreaterThan(0);
    let checked = 0;
    for (const table of tables) {
      const headers = table.header.map(cellText);
      expect(headers[0]).toBe('Period');
      expect(table.align.slice(1).every((align) => align === 'right')).toBe(true);
      const caseOf = (header: string): string | null => / · (.+)$/.exec(header)?.[1] ?? null;
      const firstCase = headers.map(caseOf).find((c) => c !== null) ?? entries.find((e) => e.name === name)!.case;
      for (const row of table.rows) {
        const period = cellText(row[0]!);
        headers.forEach((header, j) => {
          const field = /^(TVL|Market cap|Utilization)( · |$)/.exec(header)?.[1];
          if (field === undefined) {
            return;
          }
          const entry = entries.find((e) => e.case === (caseOf(header) ?? firstCase))!;
          const jsonRow = entry.rows.find((r) => r.period === period)!;
          const exact = field === 'TVL' ? jsonRow.tvl : field === 'Market cap' ? jsonRow.market_cap! : jsonRow.utilization!;
          expect(figureOf(cellText(row[j]!)).toString(), `${name} ${period} ${header}`).toBe(rounded(exact, digits, field === 'Utilization').toString());
          checked += 1;
        });
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('writes a sampled case with its median, band and the note, and targets as a list', async () => {
    const { stdout } = await runCli(['project', '--market-cap', '2T', '--utilization', '5% to 10%', '--target', '150B', '--samples', '300', '--format', 'markdown']);
    const tokens = lex(stdout);
    const [table] = checkTables(tokens);
    expect(table!.header.map(cellText)).toEqual(['Period', 'Market cap', 'Utilization', 'TVL p50', 'p5–p95', 'P(target)']);
    const list = tokens.find((token): token is Tokens.List => token.type === 'list')!;
    expect(list.items.map((item) => item.text)[0]).toMatch(/^Target \\\$150B: not reached by \+0/);
  });
});

describe('text from files is data', () => {
  const HOSTILE = [
    "name: hostile",
    "title: \"a | b <script>alert(1)</script> **bold** [link](https://example.com) `code` $x$ ~~no~~ \\\\ end\"",
    "source: \"- 1. <b>&amp;</b> \\u001b[31mred\"",
    'tvl: 1B',
    'years: 1',
    'cases:',
    '  a_b_: {growth: 1%}',
    '  b__c__: {growth: 2%}',
  ].join('\n');

  it('shows a title, a source and case names as they are, never as markup or extra columns', async () => {
    const { stdout, exitCode } = await runCli(['project', '-', '--format', 'markdown'], { input: HOSTILE });
    expect(exitCode).toBe(0);
    const tokens = lex(stdout);
    const [table] = checkTables(tokens);
    expect(allTokens(tokens).filter((token) => token.type === 'strong' || token.type === 'em')).toEqual([]);
    const heading = tokens.find((token): token is Tokens.Heading => token.type === 'heading')!;
    expect(shown(heading.tokens)).toBe('a | b <script>alert(1)</script> **bold** [link](https://example.com) `code` $x$ ~~no~~ \\ end');
    const paragraph = tokens.find((token): token is Tokens.Paragraph => token.type === 'paragraph')!;
    expect(shown(paragraph.tokens)).toBe('hostile · USD · - 1. <b>&amp;</b> \\x1b[31mred');
    expect(table!.header.map(cellText)).toEqual(['Period', 'TVL · a_b_', 'Change · a_b_', 'TVL · b__c__', 'Change · b__c__']);
  });
});

describe('check --format markdown', () => {
  it('is a heading and a table of every expectation, the figures those of the JSON report', async () => {
    const markdown = await runCli(['check', '--format', 'markdown']);
    const json = JSON.parse((await runCli(['check', '--format', 'json'])).stdout) as {
      check: { passed: number; failed: number };
      files: { scenario: string; expectations: { case: string | null; period: string | null; got: string; passed: boolean }[] }[];
    };
    expect(markdown.exitCode).toBe(0);
    const tokens = lex(markdown.stdout);
    const heading = tokens.find((token): token is Tokens.Heading => token.type === 'heading')!;
    expect(shown(heading.tokens)).toBe(`✓ btcfi check: ${json.check.passed} passed, 0 failed`);
    const [table] = checkTables(tokens);
    expect(table!.header.map(cellText)).toEqual(['OK', 'Scenario', 'Case', 'Period', 'Field', 'Expected', 'Got', 'Difference']);
    expect(table!.align).toEqual(['left', 'left', 'left', 'left', 'left', 'right', 'right', 'right']);
    const expectations = json.files.flatMap((file) => file.expectations.map((e) => ({ ...e, scenario: file.scenario })));
    expect(table!.rows.length).toBe(expectations.length);
    table!.rows.forEach((row, i) => {
      const e = expectations[i]!;
      expect([cellText(row[0]!), cellText(row[1]!), cellText(row[2]!), cellText(row[3]!)]).toEqual([e.passed ? '✓' : '✗', e.scenario, e.case ?? '', e.period ?? '']);
      // check shows 10 significant digits of what it got.
      expect(figureOf(cellText(row[6]!)).toString()).toBe(rounded(e.got, 10, cellText(row[4]!) === 'utilization').toString());
    });
  });

  it('lists a file it could not check with each of its problems', async () => {
    const { stdout, exitCode } = await runCli(['check', 'test/fixtures/errors/several-problems.yaml', '--format', 'markdown']);
    expect(exitCode).toBe(2);
    const tokens = lex(stdout);
    checkTables(tokens);
    const list = tokens.find((token): token is Tokens.List => token.type === 'list')!;
    expect(list.items[0]!.text).toMatch(/not checked, 5 input problems/);
  });
});

describe('solve --format markdown', () => {
  it.each([
    ['growth', '--from', '238.5B', '--to', '770.6B', '--years', '5'],
    ['end', '--from', '238.5B', '--growth', '26.4%', '--years', '5'],
    ['start', '--to', '770.6B', '--growth', '26.4%', '--years', '5'],
    ['utilization', '--market-cap', '2T', '--tvl', '500B', '--growth', '10%', '--years', '5'],
  ])('solve %s: the answer, every digit of it, equals the JSON value', async (...args) => {
    const markdown = await runCli(['solve', ...args, '--format', 'markdown']);
    const json = JSON.parse((await runCli(['solve', ...args, '--format', 'json'])).stdout) as { value: string };
    const [table] = checkTables(lex(markdown.stdout));
    expect(table!.header.map(cellText)).toEqual(['Figure', 'Value', 'Exact']);
    expect(table!.align).toEqual(['left', 'right', 'right']);
    const answer = table!.rows[0]!;
    expect(cellText(answer[0]!)).toBe(args[0]);
    expect(figureOf(cellText(answer[2]!)).toString()).toBe(new Decimal(json.value).toString());
  });
});

describe('grid --format markdown', () => {
  it('holds every cell of the JSON grid, rounded as the table rounds it', async () => {
    const args = ['grid', 'defi-2031', '--case', 'exact', '--x', 'growth=20%..30%:2.5%', '--y', 'years=1..4'];
    const markdown = await runCli([...args, '--format', 'markdown', '--digits', '9']);
    const json = JSON.parse((await runCli([...args, '--format', 'json'])).stdout) as { grid: { values: string[][] } };
    const [table] = checkTables(lex(markdown.stdout));
    expect(cellText(table!.header[0]!)).toBe('years \\ growth');
    expect(table!.align.slice(1).every((align) => align === 'right')).toBe(true);
    expect(table!.rows.map((row) => row.slice(1).map((cell) => figureOf(cellText(cell)).toString()))).toEqual(
      json.grid.values.map((row) => row.map((value) => rounded(value, 9).toString())),
    );
  });
});
