import { Option, type Command } from 'commander';
import { SOLVE_FORMATS, solveRenderers, type SolveFormat } from '../../render/solve/index.js';
import type { Result } from '../../core/result.js';
import {
  buildEndReport,
  buildGrowthReport,
  buildHistoryGrowthReport,
  buildStartReport,
  buildUtilizationReport,
  buildYearsReport,
} from '../../report/buildSolveReport.js';
import { loadHistoryText } from '../../scenario/loadHistoryText.js';
import { parseHistory } from '../../scenario/parseHistory.js';
import { DAY_COUNTS, type DayCount } from '../../scenario/dayCount.js';
import {
  agreeUnit,
  MIN_GROWTH_YEARS,
  parseAmountFlag,
  parseGrowthFlag,
  parseStartFlag,
  parseYearsFlag,
  type FlagProblem,
  type GivenAmount,
} from '../../scenario/parseSolveFlags.js';
import type { SolveReport } from '../../report/solveTypes.js';
import { InputError, UsageError } from '../errors.js';
import type { CliContext } from '../context.js';
import { addHelpCommand } from './help.js';

interface SolveFlags {
  readonly format: SolveFormat;
  readonly output?: string;
  readonly from?: string;
  readonly to?: string;
  readonly growth?: string;
  readonly years?: string;
  readonly start?: string;
  readonly marketCap?: string;
  readonly tvl?: string;
  readonly history?: string;
  readonly dateColumn?: string;
  readonly valueColumn?: string;
  readonly dayCount?: DayCount;
}

type FlagKey = Exclude<keyof SolveFlags, 'format' | 'output'>;

const EXAMPLES = `
Examples:
  $ btcfi solve growth --from 238.5B --to 770.6B --years 5      the CAGR: 26.44%
  $ btcfi solve years --from 238.5B --to 770.6B --growth 26.4% --start 2026
  $ btcfi solve end --from 238.5B --growth 26.4% --years 5               $769.5B
  $ btcfi solve start --to 770.6B --growth 26.4% --years 5
  $ btcfi solve utilization --market-cap 2T --tvl 238B                     11.9%
  $ btcfi solve growth --history tvl.csv --format json  CAGRs of a CSV history

Amounts and rates use the scenario syntax: 238.5B, $2T, 2e12, 91,332 BTC;
26.4%, -74%, 0.05. Amounts may be in dollars or in bitcoin, but one solve uses
one unit: $2T with 91,332 BTC is refused, and a bare number takes the unit of
the others (dollars when none names one). --years may be fractional (2.5).
Where no answer exists (a higher target while falling, growth of -100%, a start
of zero) the output says why, and JSON has "value": null and a "reason"; the
exit code is still 0.`;

const FORMAT_OPTION = (): Option => new Option('-f, --format <format>', 'output format').choices(SOLVE_FORMATS).default('text');
const amountOption = (flags: string, description: string): Option => new Option(flags, `${description} (238.5B, $2T, 91,332 BTC)`);
const growthOption = (description = 'growth per year, a CAGR (26.4%, -74%, 0.05)'): Option => new Option('--growth <rate>', description);
const yearsOption = (): Option => new Option('--years <n>', 'years, 0 to 1000; may be fractional (2.5)');

export function addSolveCommand(program: Command, context: CliContext): void {
  const solve = program
    .command('solve')
    .summary('solve the growth relation for one unknown')
    .description(
      'Solve the compound relation end = start × (1 + growth)^years, or TVL = market cap × utilization, for one unknown, exactly: logarithms and roots to 40 significant digits.',
    )
    .addHelpText('after', EXAMPLES);
  for (const spec of [growthSpec(context), yearsSpec(), endSpec(), startSpec(), utilizationSpec()]) {
    addSubcommand(solve, context, spec);
  }
  addHelpCommand(solve);
}

/** growth: between two amounts, or of a CSV history. */
function growthSpec(context: CliContext): SubcommandSpec {
  return {
    name: 'growth',
    summary: 'the growth per year (CAGR) from one amount to another, or of a CSV history',
    description:
      'The CAGR that takes --from to --to in --years:\ngrowth = (to / from)^(1 / years) - 1.\n\n' +
      'Or, with --history, the growth of a CSV of dates and values (a header row, then one row per date): the endpoint CAGR, from the first point to the last, and the least-squares log-linear CAGR, e^b - 1 for the line ln(value) = a + b × years through every point. ' +
      'Dates are years (2024) or ISO dates (2024-12-31). With plain years the span is their difference; with dates it is counted by anniversary: the whole years from the first date to its last anniversary, then the days left over that year\'s length (365 or 366), so 2024-12-31 to 2025-12-31 is 1 year; --day-count actual/365.25 counts the days / 365.25 instead. ' +
      'Values must be above zero; lines starting with # are comments. Every bad row is reported with its line.',
    options: [
      amountOption('--from <amount>', 'amount at the start'),
      amountOption('--to <amount>', 'amount at the end'),
      yearsOption(),
      new Option('--history <file>', 'a CSV of dates and values, or - for standard input').conflicts(['from', 'to', 'years']),
      new Option('--date-column <name>', 'with --history: the column of dates (default: one named like date or year, else the first)'),
      new Option('--value-column <name>', 'with --history: the column of values (default: the other of two, or one named like value or tvl)'),
      new Option('--day-count <convention>', 'with --history: how dates count as years: anniversary (the default; 2024-12-31 to 2025-12-31 is 1 year) or actual/365.25').choices(DAY_COUNTS),
    ],
    examples: [
      '$ btcfi solve growth --from 238.5B --to 770.6B --years 5',
      '$ btcfi solve growth --from "101,721 BTC" --to "91,332 BTC" --years 1',
      '$ btcfi solve growth --history tvl.csv --value-column tvl_usd',
      '$ btcfi solve growth --history tvl.csv --day-count actual/365.25',
      '$ cat tvl.csv | btcfi solve growth --history -',
    ],
    solve: (flags) => (flags.history === undefined ? solveGrowthBetween(flags) : solveGrowthOfHistory(flags.history, flags, context)),
  };
}

/** growth from --from to --to over --years. */
function solveGrowthBetween(flags: SolveFlags): SolveReport {
  for (const flag of ['dateColumn', 'valueColumn', 'dayCount'] as const) {
    if (flags[flag] !== undefined) {
      throw new UsageError(`${flagName(flag)} needs --history`, flag === 'dayCount' ? 'it says how the dates of a history CSV count as years' : 'it names a column of the history CSV');
    }
  }
  need('growth', flags, ['from', 'to', 'years'], 'btcfi solve growth --from 238.5B --to 770.6B --years 5 (or --history FILE)');
  const from = take(parseAmountFlag('--from', flags.from!));
  const to = take(parseAmountFlag('--to', flags.to!));
  const years = take(parseYearsFlag('--years', flags.years!));
  if (!years.value.isZero() && years.value.lt(MIN_GROWTH_YEARS)) {
    throw new UsageError(
      `--years: to solve for growth the span must be 0 or at least 0.01 years (got ${years.text})`,
      'over a shorter span the growth per year runs to more digits than can be printed',
    );
  }
  return buildGrowthReport(unitOf([from, to]), from, to, years);
}

/** growth of a history CSV: the file (or standard input), read and parsed with every problem reported. */
async function solveGrowthOfHistory(history: string, flags: SolveFlags, context: CliContext): Promise<SolveReport> {
  const loaded = await loadHistoryText(history, context.io.readStdin);
  if (!loaded.ok) {
    throw new InputError([loaded.error]);
  }
  const parsed = parseHistory(loaded.value.text, loaded.value.file, { dateColumn: flags.dateColumn, valueColumn: flags.valueColumn, dayCount: flags.dayCount });
  if (!parsed.ok) {
    throw new InputError(parsed.error);
  }
  return buildHistoryGrowthReport(parsed.value);
}

function yearsSpec(): SubcommandSpec {
  return {
    name: 'years',
    summary: 'the years from one amount to another at a growth rate',
    description:
      "The years that --growth takes to turn --from into --to: years = ln(to / from) / ln(1 + growth), as a spreadsheet's PDURATION. " +
      'A fall to a lower target counts (100B to 26B at -74% is 1 year); a path that moves away from the target has no answer. ' +
      'Also the first whole year at which the target is reached, as a calendar year with --start.',
    options: [
      amountOption('--from <amount>', 'amount at the start'),
      amountOption('--to <amount>', 'the target'),
      growthOption(),
      new Option('--start <year>', 'calendar year of the start (2026), to name the year the target is reached'),
    ],
    examples: ['$ btcfi solve years --from 238.5B --to 770.6B --growth 26.4% --start 2026', '$ btcfi solve years --from 100B --to 26B --growth -74%'],
    solve: (flags) => {
      need('years', flags, ['from', 'to', 'growth'], 'btcfi solve years --from 238.5B --to 770.6B --growth 26.4%');
      const from = take(parseAmountFlag('--from', flags.from!));
      const to = take(parseAmountFlag('--to', flags.to!));
      const growth = take(parseGrowthFlag('--growth', flags.growth!));
      const start = flags.start === undefined ? null : take(parseStartFlag('--start', flags.start));
      return buildYearsReport(unitOf([from, to]), from, to, growth, start);
    },
  };
}

function endSpec(): SubcommandSpec {
  return {
    name: 'end',
    summary: 'the amount a start grows into',
    description: 'The amount --from grows into in --years at --growth a year: end = from × (1 + growth)^years.',
    options: [amountOption('--from <amount>', 'amount at the start'), growthOption(), yearsOption()],
    examples: ['$ btcfi solve end --from 238.5B --growth 26.4% --years 5', '$ btcfi solve end --from "91,332 BTC" --growth 10% --years 2.5'],
    solve: (flags) => {
      need('end', flags, ['from', 'growth', 'years'], 'btcfi solve end --from 238.5B --growth 26.4% --years 5');
      const from = take(parseAmountFlag('--from', flags.from!));
      return buildEndReport(unitOf([from]), from, take(parseGrowthFlag('--growth', flags.growth!)), take(parseYearsFlag('--years', flags.years!)));
    },
  };
}

function startSpec(): SubcommandSpec {
  return {
    name: 'start',
    summary: 'the amount that grows into a target',
    description: 'The amount that grows into --to in --years at --growth a year: start = to / (1 + growth)^years.',
    options: [amountOption('--to <amount>', 'amount at the end'), growthOption(), yearsOption()],
    examples: ['$ btcfi solve start --to 770.6B --growth 26.4% --years 5'],
    solve: (flags) => {
      need('start', flags, ['to', 'growth', 'years'], 'btcfi solve start --to 770.6B --growth 26.4% --years 5');
      const to = take(parseAmountFlag('--to', flags.to!));
      return buildStartReport(unitOf([to]), to, take(parseGrowthFlag('--growth', flags.growth!)), take(parseYearsFlag('--years', flags.years!)));
    },
  };
}

function utilizationSpec(): SubcommandSpec {
  return {
    name: 'utilization',
    summary: 'the share of a market cap that makes a TVL',
    description:
      'The share of --market-cap that must be locked for --tvl: utilization = tvl / market cap. ' +
      'With --growth and --years, the share needed at the horizon of a market cap growing at --growth a year: utilization = tvl / (market cap × (1 + growth)^years).',
    options: [
      amountOption('--market-cap <amount>', 'market cap now'),
      amountOption('--tvl <amount>', 'TVL wanted (at the horizon, with --years)'),
      growthOption('growth of the market cap per year (26.4%); with --years'),
      yearsOption(),
    ],
    examples: ['$ btcfi solve utilization --market-cap 2T --tvl 238B', '$ btcfi solve utilization --market-cap 2T --tvl 500B --growth 10% --years 5'],
    solve: (flags) => {
      need('utilization', flags, ['marketCap', 'tvl'], 'btcfi solve utilization --market-cap 2T --tvl 238B');
      if ((flags.growth === undefined) !== (flags.years === undefined)) {
        const missing = flags.growth === undefined ? '--growth' : '--years';
        throw new UsageError(`--growth and --years go together: add ${missing}`, 'without both, the utilization is of the market cap as it is now');
      }
      const marketCap = take(parseAmountFlag('--market-cap', flags.marketCap!));
      const tvl = take(parseAmountFlag('--tvl', flags.tvl!));
      const growth = flags.growth === undefined ? null : take(parseGrowthFlag('--growth', flags.growth));
      const years = flags.years === undefined ? null : take(parseYearsFlag('--years', flags.years));
      return buildUtilizationReport(unitOf([marketCap, tvl]), marketCap, tvl, growth, years);
    },
  };
}

interface SubcommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  readonly options: readonly Option[];
  readonly examples: readonly string[];
  readonly solve: (flags: SolveFlags) => SolveReport | Promise<SolveReport>;
}

function addSubcommand(solve: Command, context: CliContext, spec: SubcommandSpec): void {
  const command = solve.command(spec.name).summary(spec.summary).description(spec.description);
  for (const option of spec.options) {
    command.addOption(option);
  }
  command
    .addOption(FORMAT_OPTION())
    .addOption(new Option('-o, --output <file>', 'write the result to a file (atomically) instead of stdout'))
    .addHelpText('after', `\nExamples:\n${spec.examples.map((line) => `  ${line}`).join('\n')}`)
    .action(async (flags: SolveFlags) => {
      const report = await spec.solve(flags);
      const forPeople = flags.format === 'text';
      const chalk = context.resultChalk(forPeople, flags.output);
      // Markdown is for people too, in their language, without colour.
      const locale = forPeople || flags.format === 'markdown' ? context.settings.locale : 'en-US';
      await context.emit(solveRenderers[flags.format](report, { digits: null, chalk, locale, width: context.width }), flags.output);
    });
}

/** Every flag the unknown needs, or a usage error naming those missing. */
function need(unknown: string, flags: SolveFlags, keys: readonly FlagKey[], example: string): void {
  const missing = keys.filter((key) => flags[key] === undefined).map(flagName);
  if (missing.length > 0) {
    const list = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)!}`;
    throw new UsageError(`solve ${unknown} needs ${list}`, `for example: ${example}`);
  }
}

function flagName(key: FlagKey): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** The value of a flag that parsed, or the usage error of one that did not. */
function take<T>(result: Result<T, FlagProblem>): T {
  if (!result.ok) {
    throw new UsageError(`${result.error.flag}: ${result.error.message}`, result.error.hint);
  }
  return result.value;
}

function unitOf(amounts: readonly GivenAmount[]) {
  return take(agreeUnit(amounts));
}
