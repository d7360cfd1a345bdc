// The in-process fuzz campaign: generated scenario files (valid, corrupted, garbage) through the
// pure pipeline the CLI runs, and random text through every other parser of user input.
// `npm test` runs a few thousand cases at a fixed seed; `npm run fuzz` runs 100,000 or more.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAxis } from '../../src/scenario/parseAxis.js';
import { parsePeriod } from '../../src/scenario/parsePeriod.js';
import { solveRenderers } from '../../src/render/solve/index.js';
import { Chalk } from 'chalk';
import { parseAmount } from '../../src/scenario/parseAmount.js';
import { parseRate } from '../../src/scenario/parseRate.js';
import { buildHistoryGrowthReport } from '../../src/report/buildSolveReport.js';
import { parseHistory } from '../../src/scenario/parseHistory.js';
import { parseAmountFlag, parseGrowthFlag, parseStartFlag, parseYearsFlag } from '../../src/scenario/parseSolveFlags.js';
import { checkScenarioText, PLAIN_FIGURE, type Outcome } from './checkPipeline.js';
import { FUZZ_RUNS, FUZZ_SEED, timeoutFor } from './config.js';
import { amountText, freeText, rateText, scenarioFile } from './scenarioArbitraries.js';
import { binaryUnit } from './binaryUnit.js';

const ran = { scenarios: 0, projected: 0, invalid: 0, parsers: 0, histories: 0 };

afterAll(() => {
  const total = ran.scenarios + ran.parsers + ran.histories;
  console.log(
    `fuzz (seed ${FUZZ_SEED}): ${total.toLocaleString('en-US')} in-process cases ran: ` +
      `${ran.scenarios.toLocaleString('en-US')} scenario files (${ran.projected.toLocaleString('en-US')} projected, ${ran.invalid.toLocaleString('en-US')} refused with FILE:LINE:COL), ` +
      `${ran.histories.toLocaleString('en-US')} history CSVs, ${ran.parsers.toLocaleString('en-US')} flag and field values`,
  );
});

describe('fuzz: scenario files through parse, resolve, project and every renderer', () => {
  it(
    `gives a result or issues at FILE:LINE:COL, never a throw, NaN, Infinity or an exponent (${FUZZ_RUNS.toLocaleString('en-US')} files)`,
    () => {
      fc.assert(
        fc.property(scenarioFile, ({ file, text }) => {
          const outcome: Outcome = checkScenarioText(text, file);
          ran.scenarios += 1;
          ran[outcome] += 1;
        }),
        { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: false },
      );
      // The campaign must reach both outcomes, or it tests less than it claims.
      expect(ran.projected).toBeGreaterThan(FUZZ_RUNS / 20);
      expect(ran.invalid).toBeGreaterThan(FUZZ_RUNS / 20);
    },
    timeoutFor(FUZZ_RUNS, 50),
  );
});

/** A Result in the shape every parser returns: ok with a value, or not ok with a message. */
function isResult(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || !('ok' in value)) {
    return false;
  }
  const result = value as { ok: boolean; value?: unknown; error?: { message?: unknown } };
  return result.ok ? result.value !== undefined : typeof result.error?.message === 'string' && result.error.message !== '';
}

const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: binaryUnit, maxLength: 40 }), amountText, rateText, freeText);
const near = <T>(arbitrary: fc.Arbitrary<T>, mangle: (value: T) => fc.Arbitrary<string>) => arbitrary.chain(mangle);
const axisText = fc.oneof(
  anyText,
  fc.tuple(fc.constantFrom('market_cap', 'tvl', 'utilization', 'growth', 'years', 'Growth', 'util'), fc.oneof(rateText, amountText), fc.oneof(rateText, amountText), fc.oneof(rateText, amountText)).map(
    ([field, a, b, c]) => `${field}=${a}..${b}:${c}`,
  ),
  near(fc.array(fc.oneof(rateText, amountText), { minLength: 1, maxLength: 5 }), (values) => fc.constantFrom('growth', 'years', 'tvl').map((field) => `${field}=${values.join(',')}`)),
);

describe('fuzz: flag and field values', () => {
  const runs = FUZZ_RUNS;
  it(`every parser of user text returns a Result and never throws (${runs.toLocaleString('en-US')} values)`, () => {
    fc.assert(
      fc.property(anyText, axisText, fc.constantFrom<'year' | 'quarter' | 'month'>('year', 'quarter', 'month'), fc.option(fc.integer({ min: 1, max: 9999 }), { nil: null }), (text, axis, step, start) => {
        for (const result of [
          parseAmount(text),
          parseRate(text),
          parseAxis(axis),
          parsePeriod(text, start, step),
          parseAmountFlag('--from', text),
          parseGrowthFlag('--growth', text),
          parseYearsFlag('--years', text),
          parseStartFlag('--start', text),
        ]) {
          expect(isResult(result)).toBe(true);
        }
        const axisResult = parseAxis(axis);
        if (axisResult.ok) {
          expect(axisResult.value.values.length).toBeGreaterThan(0);
          expect(axisResult.value.values.length).toBeLessThanOrEqual(1000);
        }
        ran.parsers += 1;
      }),
      { numRuns: runs, seed: FUZZ_SEED },
    );
  }, timeoutFor(runs, 20));
});

const historyRow = fc.tuple(
  fc.oneof(fc.integer({ min: 1900, max: 2100 }).map(String), fc.tuple(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.constantFrom(10, 16, 24)).map(([d, n]) => d.toISOString().slice(0, n)), anyText),
  fc.oneof(amountText, anyText, fc.constant('')),
);
const historyText = fc
  .tuple(
    fc.constantFrom('date,value', 'year,tvl_usd', 'Date;Value', '', '=HYPERLINK("x"),@SUM(1)', 'date,value,extra', '\uFEFFdate,value'),
    fc.array(historyRow, { maxLength: 12 }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
  )
  .map(([header, rows, end, quote]) => [header, ...rows.map(([d, v]) => (quote ? `"${d.replace(/"/g, '""')}","${v.replace(/"/g, '""')}"` : `${d},${v}`))].join(end));

describe('fuzz: history CSVs', () => {
  const runs = FUZZ_RUNS;
  it(`a history gives a growth with plain figures, or issues that name the file (${runs.toLocaleString('en-US')} files)`, () => {
    const options = { digits: null, chalk: new Chalk({ level: 0 }), locale: 'en-US' };
    fc.assert(
      fc.property(fc.oneof(historyText, fc.string({ unit: binaryUnit, maxLength: 200 })), (text) => {
        const parsed = parseHistory(text, 'history.csv');
        if (!parsed.ok) {
          expect(parsed.error.length).toBeGreaterThan(0);
          for (const issue of parsed.error) {
            expect(issue.file).toBe('history.csv');
            for (const word of ['NaN', 'Infinity', 'undefined']) {
              expect(issue.message.includes(word) && !text.includes(word)).toBe(false);
            }
          }
        } else {
          const report = buildHistoryGrowthReport(parsed.value);
          const json = JSON.parse(solveRenderers.json(report, options)) as { value: string; log_linear: string };
          expect(json.value).toMatch(PLAIN_FIGURE);
          expect(json.log_linear).toMatch(PLAIN_FIGURE);
          expect(solveRenderers.text(report, options)).not.toMatch(/NaN|Infinity/);
        }
        ran.histories += 1;
      }),
      { numRuns: runs, seed: FUZZ_SEED },
    );
  }, timeoutFor(runs, 20));
});
