import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { D } from '../../../src/engine/decimal.js';
import { buildProjectReport } from '../../../src/report/buildProjectReport.js';
import type { ScenarioReport } from '../../../src/report/types.js';
import { renderScenarioSvg } from '../../../src/render/svg/renderScenarioSvg.js';
import { parseScenario } from '../../../src/scenario/parseScenario.js';
import { resolveScenario } from '../../../src/scenario/resolveScenario.js';

function scenario(yaml: string): ScenarioReport {
  const parsed = parseScenario(yaml, 'test.yaml');
  if (!parsed.ok) throw new Error(parsed.error.map((issue) => issue.message).join('; '));
  const resolved = resolveScenario(parsed.value);
  if (!resolved.ok) throw new Error(resolved.error.map((issue) => issue.message).join('; '));
  return buildProjectReport([resolved.value], { samples: 500, seed: 1 }).scenarios[0]!;
}

const DEFI = scenario('name: defi\nstart: 2026\nyears: 5\ntvl: 238.5B\ncases:\n  rounded: {growth: 26.4%}\n  slow: {growth: 10%}\n');

describe('renderScenarioSvg', () => {
  it('is one standalone <svg> element, without an XML declaration, for a page or a file', () => {
    const svg = renderScenarioSvg(DEFI);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="720"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain(' id=');
  });

  it('draws each given reference as a labelled dashed line; lines of one figure share a label', () => {
    const svg = renderScenarioSvg(DEFI, {
      references: [
        { label: 'eth-defi', value: new D('238e9') },
        { label: 'also-238', value: new D('238e9') },
        { label: 'pendle', value: new D('8.9e9') },
      ],
    });
    expect(svg.match(/class="reference"/g)?.length).toBe(2);
    expect(svg).toContain('>eth-defi, also-238 $238B</text>');
    expect(svg).toContain('>pendle $8.9B</text>');
  });

  it('is wider when asked, and the same bytes every time', () => {
    expect(renderScenarioSvg(DEFI, { width: 1000 })).toContain('width="1000"');
    expect(renderScenarioSvg(DEFI, { log: true })).toBe(renderScenarioSvg(DEFI, { log: true }));
    expect(renderScenarioSvg(DEFI, { log: true })).not.toBe(renderScenarioSvg(DEFI));
  });

  it('takes the references a report carries as lines too', () => {
    const withReferences = { ...DEFI, references: [{ name: 'etf-aum', value: new D('115e9') }] } as ScenarioReport;
    expect(renderScenarioSvg(withReferences)).toContain('>etf-aum $115B</text>');
  });

  it('draws a case of one period as a bar, and a sampled one with its whiskers', () => {
    const svg = renderScenarioSvg(scenario('name: one\nmarket_cap: 2T\nutilization: 5% to 10%\ncases:\n  ranged: {}\n  exact: {utilization: 5%}\n'));
    expect(svg.match(/class="bar"/g)?.length).toBe(2);
    expect(svg).toContain('class="whisker"');
  });
});
