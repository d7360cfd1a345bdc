import { Option, type Command } from 'commander';
import { SOLVE_FORMATS, solveRenderers, type SolveFormat } from '../../render/solve/index.js';
import type { Result } from '../../core/result.js';
import {
  buildEndReport,
  buildGrowthReport,
  buildMarketReport,
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
  parsePriceFlag,
  parseStartFlag,
  parseSupplyFlag,
  parseUtilizationFlag,
  parseYearsFlag,
  type FlagProblem,
  type GivenAmount,
} from '../../scenario/parseSolveFlags.js';
import type { Given, MarketInputs, MarketUnknown, SolveReport } from '../../report/solveTypes.js';
import type { Unit } from '../../core/unit.js';
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
  readonly utilization?: string;
  readonly price?: string;
  readonly supply?: string;
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
  $ btcfi solve utilization --market-cap 2T --tvl 238B          11.9%
  $ btcfi solve tvl --market-cap 2T --utilization 5%            $100B
  $ btcfi solve price --market-cap 2T --supply 20M              $100,000
  $ btcfi solve supply --tvl "91,332 BTC" --utilization 0.46%   19.85M BTC
  the CAGRs of a CSV history:
  $ btcfi solve growth --history tvl.csv --format json

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
      'Solve the compound relation end = start × (1 + growth)^years, TVL = market cap × utilization, or market cap = price × supply, for one unknown, exactly: logarithms and roots to 40 significant digits.',
    )
    .addHelpText('after', EXAMPLES);
  for (const spec of [growthSpec(context), yearsSpec(), endSpec(), startSpec(), utilizationSpec(), ...marketSpecs()]) {
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

const priceOption = (): Option => new Option('--price <amount>', 'dollars a bitcoin (100K, $100,000)');
const supplyOption = (): Option => new Option('--supply <amount>', 'bitcoin in circulation (19.85M, 19.85M BTC)');
const utilizationOption = (description = 'share of the market cap locked as TVL (5%)'): Option => new Option('--utilization <rate>', description);

/** tvl, market-cap, price and supply: market cap = price × supply, TVL = market cap × utilization. */
function marketSpecs(): SubcommandSpec[] {
  return [
    {
      name: 'tvl',
      summary: 'the TVL a share of a market cap makes',
      description:
        'The TVL that --utilization of a market cap makes: tvl = market cap × utilization. The market cap is --market-cap (with --growth and --years, grown to the horizon), or --price × --supply; ' +
        'or, with --supply alone, the TVL in bitcoin that --utilization of the supply is.',
      options: [amountOption('--market-cap <amount>', 'market cap now'), priceOption(), supplyOption(), utilizationOption('share of the market cap (or of the supply) locked as TVL (5%)'), growthOption('growth of the market cap per year (26.4%); with --years'), yearsOption()],
      examples: ['$ btcfi solve tvl --market-cap 2T --utilization 5%', '$ btcfi solve tvl --price 100K --supply 20M --utilization 5%', '$ btcfi solve tvl --supply 19.85M --utilization 0.46%'],
      solve: (flags) => {
        need('tvl', flags, ['utilization'], 'btcfi solve tvl --market-cap 2T --utilization 5%');
        oneRoute('tvl', flags, 'marketCap', 'supply', 'btcfi solve tvl --market-cap 2T --utilization 5% (or --price 100K --supply 20M)');
        if (flags.marketCap === undefined && (flags.growth !== undefined || flags.years !== undefined)) {
          throw new UsageError('--growth and --years apply to --market-cap', 'give --market-cap to grow a market cap to the horizon');
        }
        pairGrowthYears(flags);
        return market('tvl', flags);
      },
    },
    {
      name: 'market-cap',
      summary: 'the market cap of a price and a supply, or of a TVL and its share',
      description: 'The market cap --price × --supply, or the whole that --tvl is --utilization of: market cap = tvl / utilization (for a TVL in bitcoin, the supply).',
      options: [amountOption('--tvl <amount>', 'TVL'), utilizationOption('share of the market cap the TVL is (5%)'), priceOption(), supplyOption()],
      examples: ['$ btcfi solve market-cap --price 100K --supply 20M', '$ btcfi solve market-cap --tvl 238B --utilization 11.9%'],
      solve: (flags) => {
        oneRoute('market-cap', flags, 'tvl', 'price', 'btcfi solve market-cap --price 100K --supply 20M (or --tvl 238B --utilization 11.9%)');
        need('market-cap', flags, flags.tvl !== undefined ? ['tvl', 'utilization'] : ['price', 'supply'], 'btcfi solve market-cap --price 100K --supply 20M');
        return market('market-cap', flags);
      },
    },
    {
      name: 'price',
      summary: 'the price of a bitcoin that makes a market cap at a supply',
      description: 'The dollars a bitcoin that make --market-cap at --supply: price = market cap / supply; or the market cap that --tvl is --utilization of: price = tvl / (utilization × supply).',
      options: [amountOption('--market-cap <amount>', 'market cap in dollars'), supplyOption(), amountOption('--tvl <amount>', 'TVL in dollars'), utilizationOption('share of the market cap the TVL is (5%)')],
      examples: ['$ btcfi solve price --market-cap 2T --supply 20M', '$ btcfi solve price --market-cap 2T --supply 19854782.6087', '$ btcfi solve price --tvl 100B --utilization 5% --supply 20M'],
      solve: (flags) => {
        oneRoute('price', flags, 'marketCap', 'tvl', 'btcfi solve price --market-cap 2T --supply 20M');
        need('price', flags, flags.tvl !== undefined ? ['tvl', 'utilization', 'supply'] : ['marketCap', 'supply'], 'btcfi solve price --market-cap 2T --supply 20M');
        return market('price', flags);
      },
    },
    {
      name: 'supply',
      summary: 'the bitcoin a market cap at a price, or a TVL at its share of supply, implies',
      description:
        'The bitcoin in circulation that --market-cap is at --price: supply = market cap / price; or that --tvl is --utilization of: supply = tvl / utilization for a TVL in bitcoin (91,332 BTC at 0.46%), tvl / (utilization × price) for one in dollars.',
      options: [amountOption('--market-cap <amount>', 'market cap in dollars'), priceOption(), amountOption('--tvl <amount>', 'TVL'), utilizationOption('share of the supply (or of the market cap) the TVL is (0.46%)')],
      examples: ['$ btcfi solve supply --tvl "91,332 BTC" --utilization 0.46%', '$ btcfi solve supply --market-cap 2T --price 100K'],
      solve: (flags) => {
        oneRoute('supply', flags, 'marketCap', 'tvl', 'btcfi solve supply --tvl "91,332 BTC" --utilization 0.46%');
        need('supply', flags, flags.tvl !== undefined ? ['tvl', 'utilization'] : ['marketCap', 'price'], 'btcfi solve supply --market-cap 2T --price 100K');
        return market('supply', flags);
      },
    },
  ];
}

/** Either of two ways to a market solve, not both, and one of them. */
function oneRoute(unknown: string, flags: SolveFlags, first: FlagKey, second: FlagKey, example: string): void {
  if (flags[first] !== undefined && flags[second] !== undefined) {
    throw new UsageError(`solve ${unknown} takes ${flagName(first)} or ${flagName(second)}, not both`, `for example: ${example}`);
  }
  if (flags[first] === undefined && flags[second] === undefined) {
    throw new UsageError(`solve ${unknown} needs ${flagName(first)} or ${flagName(second)}`, `for example: ${example}`);
  }
}

function pairGrowthYears(flags: SolveFlags): void {
  if ((flags.growth === undefined) !== (flags.years === undefined)) {
    const missing = flags.growth === undefined ? '--growth' : '--years';
    throw new UsageError(`--growth and --years go together: add ${missing}`, 'without both, the market cap is as it is now');
  }
}

/** Reads a market solve's flags (each with its own rules of unit) and builds the report. */
function market(unknown: MarketUnknown, flags: SolveFlags): SolveReport {
  const read = <T>(text: string | undefined, parse: (text: string) => Result<T, FlagProblem>): T | null => (text === undefined ? null : take(parse(text)));
  const marketCap = read(flags.marketCap, (t) => parseAmountFlag('--market-cap', t));
  const tvl = read(flags.tvl, (t) => parseAmountFlag('--tvl', t));
  const price = read(flags.price, (t) => parsePriceFlag('--price', t));
  const supply = read(flags.supply, (t) => parseSupplyFlag('--supply', t));
  const inputs: MarketInputs = {
    marketCap,
    tvl,
    utilization: read(flags.utilization, (t) => parseUtilizationFlag('--utilization', t)),
    price,
    supply,
    growth: read(flags.growth, (t) => parseGrowthFlag('--growth', t)),
    years: read(flags.years, (t) => parseYearsFlag('--years', t)),
  };
  const amounts = [marketCap, tvl].filter((a): a is GivenAmount => a !== null);
  const unit: Unit = amounts.length === 0 ? 'USD' : unitOf(amounts);
  checkMarketUnits(unknown, unit, amounts, price);
  return buildMarketReport(unknown, inputs, unit);
}

/** A price is dollars a bitcoin: the amounts it meets are dollars, except a TVL in bitcoin that implies a supply. */
function checkMarketUnits(unknown: MarketUnknown, unit: Unit, amounts: readonly GivenAmount[], price: Given | null): void {
  if (unit !== 'BTC') {
    if (unknown === 'supply' && amounts[0]?.flag === '--tvl' && price === null) {
      throw new UsageError(
        `solve supply from a TVL in dollars needs --price`,
        'to count bitcoin, a dollar TVL needs the price of one; for a TVL in bitcoin write its unit: --tvl "91,332 BTC"',
      );
    }
    return;
  }
  const first = amounts[0]!;
  if (unknown === 'price' || price !== null) {
    throw new UsageError(`${first.flag}: ${first.text} is in bitcoin, but a price is dollars a bitcoin`, `give ${first.flag} in dollars, like 2T or $2T`);
  }
  if (unknown === 'supply' && first.flag === '--market-cap') {
    throw new UsageError('--market-cap: a market cap in bitcoin is the supply itself', 'give the market cap in dollars and --price');
  }
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
