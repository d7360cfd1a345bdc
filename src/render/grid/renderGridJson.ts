import { plainFigure } from '../formatNumber.js';
import { JSON_VERSION } from '../renderJson.js';
import type { Axis, GridReport } from '../../report/gridTypes.js';
import type { GridRenderOptions } from './options.js';

/**
 * `{"btcfi": 1, "grid": {"scenario", "case", "unit", "x": {"field", "values"}, "y": {...}, "at",
 * "values": [[...], ...]}}`: values[j][i] is the cell of y value j and x value i. Every figure a
 * decimal string, never a JSON number; axis values as plain figures (rates as fractions). One
 * row of values per line, written as it is computed.
 */
export function* renderGridJson(grid: GridReport, options: GridRenderOptions): Generator<string, void, undefined> {
  const axis = (a: Axis): string => JSON.stringify({ field: a.field, values: a.values.map((value) => plainFigure(value)) });
  const head = [
    '{',
    `  "btcfi": ${JSON_VERSION},`,
    '  "grid": {',
    `    "scenario": ${JSON.stringify(grid.scenario)},`,
    `    "case": ${JSON.stringify(grid.case)},`,
    `    "unit": ${JSON.stringify(grid.unit)},`,
    `    "x": ${axis(grid.x)},`,
    `    "y": ${axis(grid.y)},`,
    `    "at": ${JSON.stringify(grid.at)},`,
    '    "values": [',
  ];
  yield `${head.join('\n')}\n`;
  let separator = '';
  for (const row of grid.rows()) {
    yield `${separator}      ${JSON.stringify(row.map((value) => plainFigure(value, options.digits)))}`;
    separator = ',\n';
  }
  yield '\n    ]\n  }\n}\n';
}
