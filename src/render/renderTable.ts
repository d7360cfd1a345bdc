import Table from 'cli-table3';
import { stripVTControlCharacters } from 'node:util';
import type { D } from '../engine/decimal.js';
import type { CaseReport, ProjectReport, ReportRow, ScenarioReport } from '../report/types.js';
import { formatAmount, formatRate } from './formatNumber.js';
import type { RenderOptions } from './options.js';

const BORDERLESS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
};

interface Column {
  readonly header: string;
  readonly cell: (rowIndex: number) => string;
}

/** One table per scenario under its title: periods down, market cap and utilization, then TVL and change per case. */
export function renderTable(report: ProjectReport, options: RenderOptions): string {
  return `${report.scenarios.map((scenario) => renderScenario(scenario, options)).join('\n\n')}\n`;
}

function renderScenario(scenario: ScenarioReport, options: RenderOptions): string {
  const { chalk } = options;
  const details = [scenario.title === null ? null : scenario.name, scenario.unit, scenario.source].filter((part) => part !== null);
  const heading = [chalk.bold(scenario.title ?? scenario.name), chalk.dim(details.join(' · '))];
  if (scenario.whatIf.length > 0) {
    heading.push(chalk.yellow(`what-if: ${scenario.whatIf.join(', ')}`));
  }
  // Cases that share their periods share one table; a case that changes the horizon or step gets its own.
  const groups = groupBySamePeriods(scenario.cases);
  const tables = groups.map((cases) => {
    const caption = groups.length > 1 ? `${chalk.dim('case')} ${cases.map((c) => c.name).join(', ')}\n` : '';
    return caption + renderCases(cases, scenario, options);
  });
  return `${heading.join('\n')}\n${tables.join('\n\n')}`;
}

function renderCases(cases: readonly CaseReport[], scenario: ScenarioReport, options: RenderOptions): string {
  const { chalk, locale } = options;
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
    ['Market cap', 'marketCap', amount],
    ['Utilization', 'utilization', rate],
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
      columns.push({ header: `TVL${suffix(c)}`, cell: (i) => amount(c.rows[i]!.tvl) });
    } else {
      // A sampled case: the median, and the band the middle 90% of paths fall in.
      const q = (i: number) => c.rows[i]!.quantiles!;
      columns.push({ header: `TVL p50${suffix(c)}`, cell: (i) => amount(c.rows[i]!.tvl) });
      columns.push({ header: `p5–p95${suffix(c)}`, cell: (i) => `${amount(q(i).tvl.p5)} – ${amount(q(i).tvl.p95)}` });
      if (c.target !== null) {
        columns.push({ header: `P(target)${suffix(c)}`, cell: (i) => rate(q(i).targetProbability) });
      }
    }
    if (hasChange) {
      columns.push({ header: `Change${suffix(c)}`, cell: (i) => change(c.rows[i]!.change) });
    }
  }

  const head = ['Period', ...columns.map((column) => column.header)];
  const body = first.rows.map((row, i) => [row.period, ...columns.map((column) => column.cell(i))]);
  // A rule under the header only; cli-table3 would draw one between every row.
  const widths = head.map((header, j) => Math.max(header.length, ...body.map((cells) => stripVTControlCharacters(cells[j]!).length)));
  const table = new Table({
    head: head.map((header) => chalk.bold(header)),
    colAligns: ['left', ...columns.map(() => 'right' as const)],
    // No colour from cli-table3 itself (it would leak escape codes into pipes), and no borders.
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    chars: BORDERLESS,
  });
  table.push(widths.map((width) => '─'.repeat(width)), ...body);
  const targets = cases.flatMap((c) => (c.target === null ? [] : [describeTarget(c, scenario, options)]));
  const sampled = cases.find((c) => c.simulation !== null)?.simulation ?? null;
  const note =
    sampled === null
      ? []
      : [chalk.dim(`Sampled: ${sampled.samples.toLocaleString('en-US')} paths, seed ${sampled.seed}; figures of sampled cases are medians, with the 5th to 95th percentile.`)];
  return [table.toString().replace(/ +$/gm, ''), ...targets, ...note].join('\n');
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
  const target = c.target!;
  const last = c.rows.at(-1)!.period;
  const parts = [
    target.reached === null ? chalk.yellow(`not reached by ${last}`) : chalk.green(`reached in ${target.reached}`),
  ];
  if (target.growthNeeded !== null) {
    parts.push(`growth needed ${formatRate(target.growthNeeded, locale)} a year`);
  }
  if (target.utilizationNeeded !== null) {
    const beyond = target.utilizationNeeded.gt(1) ? ' (more than the whole market cap)' : '';
    parts.push(`utilization needed ${formatRate(target.utilizationNeeded, locale)}${beyond}`);
  }
  const which = c.name === null ? '' : ` (${c.name})`;
  return `Target ${formatAmount(target.value, scenario.unit, locale)}${which}: ${parts.join(' · ')}`;
}
