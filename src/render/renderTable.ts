import type { D } from '../engine/decimal.js';
import type { CaseReport, ProjectReport, ReportRow, ScenarioReport } from '../report/types.js';
import { formatAmount, formatRate } from './formatNumber.js';
import { renderChart } from './chart/renderChart.js';
import { group } from './formatEnUs.js';
import { layoutTable } from './layoutTable.js';
import type { RenderOptions } from './options.js';
import { tableText } from './tableText.js';

interface Column {
  readonly header: string;
  readonly cell: (rowIndex: number) => string;
}

/**
 * One table per scenario under its title: periods down, market cap and utilization, then TVL and
 * change per case. Written a scenario at a time: only one scenario's rows are held at once.
 */
export function* renderTable(report: ProjectReport, options: RenderOptions): Generator<string, void, undefined> {
  let separator = '';
  for (const scenario of report.scenarios) {
    yield separator + renderScenario(scenario, options);
    separator = '\n\n';
  }
  yield '\n';
}

function renderScenario(scenario: ScenarioReport, options: RenderOptions): string {
  const { chalk } = options;
  // This scenario's rows, computed now and let go once its table is written.
  const cases = scenario.cases.map(
    (c): CaseReport => ({ name: c.name, rowCount: c.rowCount, walk: c.walk, rows: Array.from(c.walk()), target: c.target, simulation: c.simulation }),
  );
  const details = [scenario.title === null ? null : scenario.name, scenario.unit, scenario.source].filter((part) => part !== null);
  const heading = [chalk.bold(scenario.title ?? scenario.name), chalk.dim(details.join(' · '))];
  if (scenario.whatIf.length > 0) {
    heading.push(chalk.yellow(`${tableText(options.locale).whatIf}: ${scenario.whatIf.join(', ')}`));
  }
  // Cases that share their periods share one table; a case that changes the horizon or step gets its own.
  const groups = groupBySamePeriods(cases);
  const tables = groups.map((cases) => {
    const caption = groups.length > 1 ? `${chalk.dim(tableText(options.locale).case)} ${cases.map((c) => c.name).join(', ')}\n` : '';
    return caption + renderCases(cases, scenario, options);
  });
  return `${heading.join('\n')}\n${tables.join('\n\n')}`;
}

function renderCases(cases: readonly CaseReport[], scenario: ScenarioReport, options: RenderOptions): string {
  const { chalk, locale } = options;
  const text = tableText(locale);
  const first = cases[0]!;
  const amount = (value: D | null): string => (value === null ? '' : formatAmount(value, scenario.unit, locale));
  const rate = (value: D | null): string => (value === null ? '' : formatRate(value, locale));
  const change = (value: D | null): string => {
    if (value === null) {
      return '';
    }
    const text = formatRate(value, locale, true);
    return value.isNegative() && !value.isZero() ? chalk.red(text) : value.isZero() ? text : chalk.green(text);
  };
  const suffix = (c: CaseReport): string => (cases.length > 1 || c.name !== null ? ` · ${c.name}` : '');

  const columns: Column[] = [];
  for (const [header, field, show] of [
    [text.marketCap, 'marketCap', amount],
    [text.utilization, 'utilization', rate],
  ] as const) {
    if (first.rows[0]?.[field] === null) {
      continue;
    }
    if (cases.every((c) => sameColumn(c.rows, first.rows, field))) {
      columns.push({ header, cell: (i) => show(first.rows[i]![field]) });
    } else {
      for (const c of cases) {
        columns.push({ header: `${header}${suffix(c)}`, cell: (i) => show(c.rows[i]![field]) });
      }
    }
  }
  const hasChange = first.rows.length > 1;
  for (const c of cases) {
    if (c.simulation === null) {
      columns.push({ header: `${text.tvl}${suffix(c)}`, cell: (i) => amount(c.rows[i]!.tvl) });
    } else {
      // A sampled case: the median, and the band the middle 90% of paths fall in.
      const q = (i: number) => c.rows[i]!.quantiles!;
      columns.push({ header: `${text.median}${suffix(c)}`, cell: (i) => amount(c.rows[i]!.tvl) });
      columns.push({ header: `${text.band}${suffix(c)}`, cell: (i) => `${amount(q(i).tvl.p5)} – ${amount(q(i).tvl.p95)}` });
      if (c.target !== null) {
        columns.push({ header: `${text.chance}${suffix(c)}`, cell: (i) => rate(q(i).targetProbability) });
      }
    }
    if (hasChange) {
      columns.push({ header: `${text.change}${suffix(c)}`, cell: (i) => change(c.rows[i]!.change) });
    }
  }

  const head = [text.period, ...columns.map((column) => column.header)].map((header) => chalk.bold(header));
  const body = first.rows.map((row, i) => [row.period, ...columns.map((column) => column.cell(i))]);
  const table = layoutTable(head, body, ['left', ...columns.map(() => 'right' as const)]);
  const targets = cases.flatMap((c) => (c.target === null ? [] : [describeTarget(c, scenario, options)]));
  const sampled = cases.find((c) => c.simulation !== null)?.simulation ?? null;
  const note =
    sampled === null
      ? []
      : [chalk.dim(text.sampled(group(String(sampled.samples)), sampled.seed))];
  const chart =
    options.chartWidth == null
      ? ''
      : renderChart(
          cases.map((c) => ({ name: c.name, periods: c.rows.map((row) => row.period), values: c.rows.map((row) => row.tvl) })),
          { width: options.chartWidth, chalk, unit: scenario.unit, locale },
        );
  return [table, ...targets, ...note, ...(chart === '' ? [] : ['', chart])].join('\n');
}

function sameColumn(rows: readonly ReportRow[], other: readonly ReportRow[], field: 'marketCap' | 'utilization'): boolean {
  return rows.every((row, i) => {
    const a = row[field];
    const b = other[i]?.[field] ?? null;
    return a === null ? b === null : b !== null && a.eq(b);
  });
}

function groupBySamePeriods(cases: readonly CaseReport[]): CaseReport[][] {
  const groups = new Map<string, CaseReport[]>();
  for (const c of cases) {
    const key = c.rows.map((row) => row.period).join(',');
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()];
}

/** `Target $100B (rounded): reached in 2029 · growth needed 20.11% a year · utilization needed 5%`. */
function describeTarget(c: CaseReport, scenario: ScenarioReport, options: RenderOptions): string {
  const { chalk, locale } = options;
  const text = tableText(locale);
  const target = c.target!;
  const last = c.rows.at(-1)!.period;
  const parts = [
    target.reached === null ? chalk.yellow(text.notReachedBy(last)) : chalk.green(text.reachedIn(target.reached)),
  ];
  if (target.growthNeeded !== null) {
    parts.push(text.growthNeeded(formatRate(target.growthNeeded, locale)));
  }
  if (target.utilizationNeeded !== null) {
    parts.push(text.utilizationNeeded(formatRate(target.utilizationNeeded, locale), target.utilizationNeeded.gt(1)));
  }
  return `${text.target(formatAmount(target.value, scenario.unit, locale), c.name)} ${parts.join(' · ')}`;
}
