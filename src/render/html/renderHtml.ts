import type { ChalkInstance } from 'chalk';
import type { CaseReport, ProjectReport, ScenarioReport } from '../../report/types.js';
import { describeReferences, groupBySamePeriods } from '../renderTable.js';
import { solvedEndLines } from '../solvedEndLines.js';
import { group } from '../formatEnUs.js';
import { formatAmount, formatRate, plainFigure } from '../formatNumber.js';
import { tableText } from '../tableText.js';
import { renderScenarioSvg } from '../svg/renderScenarioSvg.js';
import { attributes, html, trusted, type Html } from './html.js';
import { htmlText } from './htmlText.js';
import { REPORT_CSS } from './reportCss.js';
import { renderCasesTable } from './renderCasesTable.js';

export interface HtmlOptions {
  /** The language of the words and figures for people; the figures in data-value never depend on it. */
  readonly locale: string;
  /** Charts on a log scale (where every figure is above zero). */
  readonly log?: boolean;
  /** The CLI's chalk for a page: colour off (the page's style colours it). */
  readonly chalk: ChalkInstance;
}

/**
 * The report as one self-contained HTML page: its style inline, no script, nothing fetched
 * (a Content-Security-Policy says so to the browser), the same bytes for the same input. A
 * section per scenario with its title, source, tables and targets; every figure shown rounded
 * for reading and marked with its exact value (as `btcfi project --format json` writes it) in
 * data-value. Written a piece at a time, as the rows are computed.
 */
export function* renderHtml(report: ProjectReport, options: HtmlOptions): Generator<string, void, undefined> {
  const words = htmlText(options.locale);
  yield html`<!DOCTYPE html>
<html lang="${options.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${words.title}</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<header>
<h1>${words.title}</h1>
<p class="meta">${words.scenarios(report.scenarios.length)}</p>
${renderContents(report, options)}
</header>
<main>
`.text;
  for (const scenario of report.scenarios) {
    for (const piece of renderScenario(scenario, options)) {
      yield piece.text;
    }
  }
  yield html`</main>
<footer><p class="meta">${words.madeBy}</p></footer>
</body>
</html>
`.text;
}

/** The id of a scenario's section: names are unique within a run and made of a-z, 0-9 and -. */
function sectionId(scenario: ScenarioReport): string {
  return `scenario-${scenario.name}`;
}

function renderContents(report: ProjectReport, options: HtmlOptions): Html | null {
  if (report.scenarios.length < 2) {
    return null;
  }
  const items = report.scenarios.map((scenario) => html`<li><a href="#${sectionId(scenario)}">${scenario.title ?? scenario.name}</a></li>`);
  return html`<nav aria-label="${htmlText(options.locale).contents}"><ol>${items}</ol></nav>`;
}

function* renderScenario(scenario: ScenarioReport, options: HtmlOptions): Generator<Html, void, undefined> {
  const text = tableText(options.locale);
  const details = [scenario.title === null ? null : scenario.name, scenario.unit].filter((part) => part !== null).join(' · ');
  yield html`<section class="scenario" id="${sectionId(scenario)}" data-scenario="${scenario.name}">
<h2>${scenario.title ?? scenario.name}</h2>
<p class="meta">${details}</p>
${scenario.source === null ? null : html`<p class="source">${scenario.source}</p>`}
${solvedEndLines(scenario, { digits: null, chalk: options.chalk, locale: options.locale }).map((line) => html`<p class="solved">${line}</p>`)}
${scenario.whatIf.length === 0 ? null : html`<p class="what-if">${text.whatIf}: ${scenario.whatIf.join(', ')}</p>`}
${renderChart(scenario, options)}
`;
  const groups = groupBySamePeriods(scenario.cases);
  for (const cases of groups) {
    if (groups.length > 1) {
      yield html`<h3>${text.case} ${cases.map((c) => c.name ?? '').join(', ')}</h3>\n`;
    }
    const last = yield* renderCasesTable(cases, scenario, options.locale);
    yield html`\n${renderTargets(cases, last, scenario, options)}${renderReferences(cases, scenario, options)}${renderSampled(cases, options)}`;
  }
  yield html`</section>\n`;
}

/** A line per reference under the table: where each case stands against it, in the words of the terminal's table. */
function renderReferences(cases: readonly CaseReport[], scenario: ScenarioReport, options: HtmlOptions): Html | null {
  const lines = describeReferences(cases, scenario, { digits: null, chalk: options.chalk, locale: options.locale });
  if (lines.length === 0) {
    return null;
  }
  const items = lines.map((line) => html`<li>${line}</li>`);
  return html`<ul class="references" aria-label="${htmlText(options.locale).references}">${items}</ul>\n`;
}

/** Chart widths: the page shows the one for its screen, so that a phone's chart has letters a phone can read. */
const WIDE_CHART = 720;
const NARROW_CHART = 360;

function renderChart(scenario: ScenarioReport, options: HtmlOptions): Html {
  const chart = (width: number): Html => trusted(renderScenarioSvg(scenario, { locale: options.locale, log: options.log === true, width }));
  return html`<figure class="chart"><div class="wide">${chart(WIDE_CHART)}</div><div class="narrow">${chart(NARROW_CHART)}</div></figure>`;
}

/** A line per case with a target: where it is reached, and the growth (and utilization) that would reach it at the horizon. */
function renderTargets(cases: readonly CaseReport[], last: string, scenario: ScenarioReport, options: HtmlOptions): Html | null {
  const { locale } = options;
  const text = tableText(locale);
  const withTarget = cases.filter((c) => c.target !== null);
  if (withTarget.length === 0) {
    return null;
  }
  const items = withTarget.map((c) => {
    const target = c.target!;
    const parts = [
      target.reached === null ? html`<span class="not-reached">${text.notReachedBy(last)}</span>` : html`<span class="reached">${text.reachedIn(target.reached)}</span>`,
      target.growthNeeded === null ? null : text.growthNeeded(formatRate(target.growthNeeded, locale)),
      target.utilizationNeeded === null ? null : text.utilizationNeeded(formatRate(target.utilizationNeeded, locale), target.utilizationNeeded.gt(1)),
    ].filter((part) => part !== null);
    const marks = attributes({
      'data-case': c.name,
      'data-target': plainFigure(target.value),
      'data-reached': target.reached,
      'data-growth-needed': target.growthNeeded === null ? null : plainFigure(target.growthNeeded),
      'data-utilization-needed': target.utilizationNeeded === null ? null : plainFigure(target.utilizationNeeded),
    });
    const separated = parts.map((part, i) => html`${i === 0 ? '' : ' · '}${part}`);
    return html`<li${marks}>${text.target(formatAmount(target.value, scenario.unit, locale), c.name)} ${separated}</li>`;
  });
  return html`<ul class="targets" aria-label="${htmlText(locale).targets}">${items}</ul>\n`;
}

function renderSampled(cases: readonly CaseReport[], options: HtmlOptions): Html | null {
  const sampled = cases.find((c) => c.simulation !== null)?.simulation ?? null;
  return sampled === null ? null : html`<p class="meta">${tableText(options.locale).sampled(group(String(sampled.samples)), sampled.seed)}</p>\n`;
}
