import type { ProjectReport, ScenarioReport } from '../../report/types.js';
import type { RenderOptions } from '../options.js';
import { drawScenario } from './drawScenario.js';
import { svgDocument, svgElement, type Drawing } from './svgDocument.js';
import type { SvgLine, SvgOptions } from './svgOptions.js';
import { svgText } from './svgText.js';

export type { SvgLine, SvgOptions } from './svgOptions.js';

/**
 * One scenario as a standalone <svg> element (no XML declaration, no trailing newline), to
 * write to a file or place in a page: a chart of every case, its targets and `references` as
 * labelled lines. Plain SVG 1.1: no script, no id, no external font; the same report and options
 * give the same bytes.
 */
export function renderScenarioSvg(scenario: ScenarioReport, options: SvgOptions = {}): string {
  return svgElement(drawScenario(scenario, { ...options, references: [...scenarioReferences(scenario), ...(options.references ?? [])] }));
}

/**
 * `btcfi project --format svg`: one SVG document with every scenario's chart, one under the
 * other, each under its title.
 */
export function* renderProjectSvg(report: ProjectReport, options: RenderOptions): Generator<string, void, undefined> {
  const svgOptions: SvgOptions = { locale: options.locale, log: options.log === true };
  const drawings: Drawing[] = report.scenarios.map((scenario) => drawScenario(scenario, { ...svgOptions, references: scenarioReferences(scenario) }));
  if (drawings.length === 0) {
    drawings.push({ width: 720, height: 40, body: svgText(16, 24, 'No scenario to draw.') });
  }
  yield svgDocument(drawings);
}

/**
 * The reference levels a scenario's report carries, when it carries any (`references`: each a
 * name and a value), as lines to draw.
 */
function scenarioReferences(scenario: ScenarioReport): SvgLine[] {
  const references = (scenario as { readonly references?: readonly { readonly name: string; readonly value: SvgLine['value'] }[] }).references;
  return references === undefined ? [] : references.map((reference) => ({ label: reference.name, value: reference.value }));
}
