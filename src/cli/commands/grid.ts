import { Option, type Command } from 'commander';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { D } from '../../engine/decimal.js';
import type { TvlInput } from '../../engine/types.js';
import { parseAxis } from '../../scenario/parseAxis.js';
import { FIELD_KIND, GRID_FIELDS, type Axis, type GridField } from '../../scenario/axis.js';
import { BASE_FIELDS, flagKey, flagName, isFlagField, type FieldKey } from '../../scenario/fieldTable.js';
import { buildGridReport, findGridPeriod } from '../../report/buildGridReport.js';
import { GRID_LAYOUTS, gridRenderers, type GridLayout } from '../../render/grid/index.js';
import { FORMATS } from '../../render/index.js';
import type { Format } from '../../render/options.js';
import { percentText } from '../../scenario/percentText.js';
import type { TextUpTo } from '../../scenario/readTextUpTo.js';
import type { ResolvedCase, ResolvedScenario } from '../../scenario/resolveScenario.js';
import { NAME_PATTERN } from '../../scenario/schema.js';
import { suggest } from '../../core/suggest.js';
import type { Unit } from '../../core/unit.js';
import { InputError, UsageError } from '../errors.js';
import { BUNDLED_SCENARIOS, loadScenarios, type FieldFlags } from '../../scenario/loadScenarios.js';
import { addFieldFlags, parseDigits } from '../options.js';
import type { CliContext } from '../context.js';
import { selectScenarios } from '../selectScenarios.js';
import { visible } from '../../core/visibleText.js';
import { quoted } from '../../core/visibleText.js';

interface GridOptions extends FieldFlags {
  readonly x: string;
  readonly y: string;
  readonly case?: string;
  readonly at?: string;
  readonly format: Format;
  readonly layout: GridLayout;
  readonly digits?: number;
  readonly output?: string;
  readonly log?: boolean;
}

type AxisName = '--x' | '--y';


const EXAMPLES = `
Examples:
  $ btcfi grid --market-cap 2T --x utilization=1%..10%:1% --y growth=0%..30%:10% --years 5
  $ btcfi grid defi-2031 --case exact --x growth=20%..30%:2.5% --y years=1..10
  $ btcfi grid btcfi-100b --x market_cap=1T..5T:1T --y utilization=1%,2.5%,5%,10% --format csv
  $ btcfi grid defi-2031 --x tvl=200B..300B:25B --y growth=10%,20%,30% --at 2028 --format json

FIELD is ${GRID_FIELDS.slice(0, -1).join(', ')} or ${GRID_FIELDS.at(-1)}. RANGE is start..end:step, the end included
when a whole number of steps away (years may leave out the step: years=1..10), or a list such as
5%,7.5%,10% (amounts in a list without thousands separators). At most 1,000 values an axis.
Each cell is the TVL at the last period (or at --at) with the two fields set to its values.`;

export function addGridCommand(program: Command, context: CliContext): void {
  const command = program
    .command('grid')
    .summary('TVL over a grid of two fields (sensitivity)')
    .description(
      'Vary two fields of one scenario and give the TVL of every combination, exactly: y down, x across.\n' +
        'The scenario is a file, a bundled scenario name, or - for standard input; without one, the field flags define it.',
    )
    .argument('[scenario]', 'a scenario file (.yaml, .yml, .json), a bundled scenario name (defi-2031), or - for standard input')
    .addOption(new Option('--x <field=range>', 'the field varied across, and its values (utilization=1%..10%:1%)').makeOptionMandatory())
    .addOption(new Option('--y <field=range>', 'the field varied down, and its values (growth=0%,10%,20%)').makeOptionMandatory())
    .addOption(new Option('-c, --case <name>', "the scenario's case to vary (default: its first)"))
    .addOption(new Option('--at <period>', 'the period of every cell, as outputs label it: 2031, 2026-Q3, or +5 from the first (default: the last)'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table'))
    .addOption(new Option('--layout <layout>', 'CSV layout: matrix (y down, x across) or long (x,y,value rows)').choices(GRID_LAYOUTS).default('matrix'))
    .addOption(new Option('--digits <n>', 'round CSV and JSON cells to n significant digits').argParser(parseDigits))
    .addOption(new Option('-o, --output <file>', 'write the result to a file (atomically) instead of stdout'))
    .addOption(new Option('--log', 'SVG heat map colours on a log scale'));
  addFieldFlags(command);
  command.addHelpText('after', EXAMPLES).action((scenario: string | undefined, options: GridOptions) => runGrid(scenario, options, context));
}

async function runGrid(scenarioArg: string | undefined, options: GridOptions, context: CliContext): Promise<void> {
  const x = readAxis('--x', options.x);
  const y = readAxis('--y', options.y);
  checkAxes(x, y, options);
  if (options.layout === 'long' && options.format !== 'csv') {
    throw new UsageError(`--layout long applies only to --format csv`, 'tables and JSON always hold the matrix');
  }
  const paths = await gridScenarioPaths(scenarioArg, options, x, y);
  const { scenario, chosen, inputs, yearsAxis } = await loadGridCase(scenarioArg, paths, options, x, y, context);
  checkAxisUnits(x, y, scenario.unit);
  const period = findGridPeriod(options.at, chosen, yearsAxis === null ? null : Math.min(...inputs.keys()));
  if (!period.ok) {
    throw new UsageError(period.error.message, period.error.hint);
  }
  noteGrid(scenario, chosen, x, y, options, context);

  const report = buildGridReport({ scenario, chosen, x, y, inputs, period: period.value });
  const forPeople = options.format === 'table';
  const renderOptions = { digits: options.digits ?? null, chalk: context.resultChalk(forPeople, options.output), locale: forPeople ? context.settings.locale : 'en-US', layout: options.layout, log: options.log === true };
  await context.emit(gridRenderers[options.format](report, renderOptions), options.output);
}

/** The scenario file a grid varies, or none when the field flags define the scenario (they must then set a TVL or market cap). */
async function gridScenarioPaths(scenarioArg: string | undefined, options: GridOptions, x: Axis, y: Axis): Promise<string[]> {
  const paths = scenarioArg === undefined ? [] : [await locateScenario(scenarioArg)];
  if (paths.length === 0) {
    const given = (field: FieldKey): boolean => x.field === field || y.field === field || (isFlagField(field) && options[flagKey(field)] !== undefined);
    if (!BASE_FIELDS.some(given)) {
      throw new UsageError('grid needs a scenario to vary: a scenario file, or field flags that define one', 'name a file or a bundled scenario (btcfi grid defi-2031 ...), or give --market-cap 2T --utilization 5% or --tvl 100B');
    }
  }
  return paths;
}

interface GridCase {
  readonly scenario: ResolvedScenario;
  readonly chosen: ResolvedCase;
  /** With years on an axis, the case resolved for each of its values. */
  readonly inputs: ReadonlyMap<number, TvlInput>;
  readonly yearsAxis: Axis | null;
}

/**
 * The case the grid varies. Each axis field is set to its first value while loading, so the
 * case resolves with the model the grid needs (a tvl axis makes it a TVL scenario); cells then
 * set their own values. With years on an axis, the case is resolved for every years value:
 * phases and the start + years limit are checked as for any horizon.
 */
async function loadGridCase(scenarioArg: string | undefined, paths: readonly string[], options: GridOptions, x: Axis, y: Axis, context: CliContext): Promise<GridCase> {
  const { io } = context;
  const stdinOnce = once(io.readStdin);
  const load = async (years: string | null): Promise<{ scenario: ResolvedScenario; chosen: ResolvedCase }> => {
    const flags: Record<string, unknown> = { ...options };
    for (const axis of [x, y]) {
      flags[flagKey(axis.field)] = flagText(axis.field, axis.values[0]!);
    }
    if (years !== null) {
      flags['years'] = years;
    }
    let scenarios: readonly ResolvedScenario[];
    try {
      scenarios = await loadScenarios(paths, flags as FieldFlags, { ...io, readStdin: stdinOnce });
    } catch (error) {
      throw error instanceof InputError ? axisError(error, x, y) : error;
    }
    if (scenarios.length !== 1) {
      throw new UsageError(`grid varies one scenario, and ${scenarioArg} holds ${scenarios.length}: ${scenarios.map((s) => s.name).join(', ')}`, 'name one scenario file');
    }
    const scenario = options.case === undefined ? scenarios[0]! : selectScenarios(scenarios, [], [options.case])[0]!;
    return { scenario, chosen: scenario.cases[0]! };
  };

  const yearsAxis = x.field === 'years' ? x : y.field === 'years' ? y : null;
  const { scenario, chosen } = await load(null);
  const inputs = new Map<number, TvlInput>();
  if (yearsAxis !== null) {
    for (const years of new Set(yearsAxis.values.map((value) => value.toNumber()))) {
      inputs.set(years, (await load(String(years))).chosen.input);
    }
  }
  return { scenario, chosen, inputs, yearsAxis };
}

/** Amounts on an axis that name a unit (5 BTC) must name the scenario's. */
function checkAxisUnits(x: Axis, y: Axis, unit: Unit): void {
  for (const [name, axis] of [['--x', x], ['--y', y]] as const) {
    const wrong = axis.marked.find((amount) => amount.marker !== unit);
    if (wrong !== undefined) {
      throw new UsageError(`${name}: ${quoted(wrong.text)} is in ${wrong.marker}, but the scenario's unit is ${unit}`, `write the amount without a ${wrong.marker === 'USD' ? '$' : 'BTC'} marker, or use a scenario in ${wrong.marker}`);
    }
  }
}

/** Notes on stderr: which case a grid varies when there are several, and an axis that stops short of its end. */
function noteGrid(scenario: ResolvedScenario, chosen: ResolvedCase, x: Axis, y: Axis, options: GridOptions, context: CliContext): void {
  const note = (text: string): void => context.notice(`${context.chalk.stderr.cyan('btcfi: note:')} ${visible(text)}\n`);
  if (scenario.cases.length > 1 && options.case === undefined) {
    note(`${scenario.name} has ${scenario.cases.length} cases (${scenario.cases.map((c) => c.name).join(', ')}); the grid varies the first, ${chosen.name}: choose one with --case`);
  }
  for (const [name, axis] of [['--x', x], ['--y', y]] as const) {
    if (axis.stopsShort !== null) {
      const show = (value: D): string => (FIELD_KIND[axis.field] === 'rate' ? percentText(value) : value.toFixed());
      note(`${name} ${axis.field} stops at ${show(axis.stopsShort.last)}: ${show(axis.stopsShort.end)} is not a whole number of steps from the start`);
    }
  }
}

function readAxis(name: AxisName, text: string): Axis {
  const axis = parseAxis(text);
  if (!axis.ok) {
    throw new UsageError(`${name}: ${axis.error.message}`, axis.error.hint);
  }
  return axis.value;
}

/**
 * Combinations that cannot make a scenario: one field on both axes; tvl with market_cap or
 * utilization (a TVL scenario has neither); an axis that replaces the model a flag sets.
 */
function checkAxes(x: Axis, y: Axis, options: GridOptions): void {
  if (x.field === y.field) {
    throw new UsageError(`--x and --y both vary ${x.field}`, 'vary two different fields');
  }
  const [tvlAxis, other] = x.field === 'tvl' ? (['--x', y] as const) : y.field === 'tvl' ? (['--y', x] as const) : [null, null];
  if (tvlAxis !== null && (other.field === 'market_cap' || other.field === 'utilization')) {
    throw new UsageError(`tvl and ${other.field} cannot be varied together: a TVL scenario has no market cap or utilization`, 'vary tvl against growth or years, or market_cap against utilization');
  }
  if (tvlAxis !== null) {
    const conflicting = (['marketCap', 'utilization'] as const).find((key) => options[key] !== undefined);
    if (conflicting !== undefined) {
      const flag = conflicting === 'marketCap' ? '--market-cap' : '--utilization';
      throw new UsageError(`${tvlAxis} tvl makes a TVL scenario, which has no use for ${flag}`, `drop ${flag}, or vary market_cap instead of tvl`);
    }
  }
  for (const [name, axis] of [['--x', x], ['--y', y]] as const) {
    if ((axis.field === 'market_cap' || axis.field === 'utilization') && options.tvl !== undefined) {
      throw new UsageError(`${name} ${axis.field} makes a market-cap scenario, which has no use for --tvl`, `drop --tvl, or vary tvl instead of ${axis.field}`);
    }
  }
}

/**
 * The resolver's issues in the grid's words: an issue at a field an axis sets names the axis
 * (it came from the axis's first value). The two it can raise there are about the model.
 */
function axisError(error: InputError, x: Axis, y: Axis): Error {
  const axisAt = (file: string): [AxisName, Axis] | null =>
    file === flagName(x.field) ? ['--x', x] : file === flagName(y.field) ? ['--y', y] : null;
  for (const issue of error.issues) {
    const found = issue.span === null ? axisAt(issue.file) : null;
    if (found?.[1].field === 'market_cap') {
      return new UsageError(`${found[0]} market_cap needs a utilization as well, and the scenario has none`, 'vary it on the other axis (utilization=1%..10%:1%), or give one with --utilization 5%');
    }
    if (found?.[1].field === 'utilization') {
      return new UsageError(`${found[0]} utilization needs a market cap, and the scenario compounds a TVL`, 'vary it on the other axis (market_cap=1T..3T:1T), or give one with --market-cap 2T');
    }
  }
  return new InputError(
    error.issues.map((issue) => {
      const found = issue.span === null ? axisAt(issue.file) : null;
      return found === null ? issue : { ...issue, file: `${found[0]} ${found[1].field}` };
    }),
  );
}

/** A value as an inline flag would give it: a plain amount, a rate in percent (a bare fraction above 1 is refused), whole years. */
function flagText(field: GridField, value: D): string {
  return FIELD_KIND[field] === 'rate' ? percentText(value) : value.toFixed();
}

/** A path as given, or the bundled scenario of that name when no such file exists. */
async function locateScenario(arg: string): Promise<string> {
  if (arg === '-' || (await exists(arg)) || !NAME_PATTERN.test(arg)) {
    return arg;
  }
  const bundled = join(BUNDLED_SCENARIOS, `${arg}.yaml`);
  if (await exists(bundled)) {
    return bundled;
  }
  const names = readdirSync(BUNDLED_SCENARIOS).filter((name) => name.endsWith('.yaml')).map((name) => name.replace(/\.yaml$/, ''));
  const near = suggest(arg, names);
  throw new UsageError(
    `no scenario file or bundled scenario named ${quoted(arg)}`,
    near !== null ? `did you mean ${quoted(near)}?` : `the bundled scenarios are: ${names.join(', ')}; or give a file path`,
  );
}

async function exists(path: string): Promise<boolean> {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Standard input can be read once; every load of the scenario shares that read (each asks the
 * same limit, that of a scenario file).
 */
function once(read: (maxBytes: number) => Promise<TextUpTo>): (maxBytes: number) => Promise<TextUpTo> {
  let text: Promise<TextUpTo> | null = null;
  return (maxBytes) => (text ??= read(maxBytes));
}
