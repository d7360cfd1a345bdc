import { plainFigure } from '../formatNumber.js';
import { toCsv } from '../renderCsv.js';
import type { GridReport } from '../../report/gridTypes.js';
import type { GridRenderOptions } from './options.js';

const CRLF = '\r\n';

/**
 * RFC 4180 with CRLF. matrix: a header `y\x` and the x values, then one row per y value;
 * long: a header `x,y,value`, then one row per cell, y by y. Every cell but the header's text is
 * a plain figure (digits, a point, maybe a minus), which needs no quoting and must not be
 * formula-escaped, so rows are joined directly; the header goes through toCsv.
 */
export function* renderGridCsv(grid: GridReport, options: GridRenderOptions): Generator<string, void, undefined> {
  const xs = grid.x.values.map((value) => plainFigure(value));
  const ys = grid.y.values.map((value) => plainFigure(value));
  const { digits } = options;
  if (options.layout === 'long') {
    yield toCsv([['x', 'y', 'value']], new Set());
    let j = 0;
    for (const row of grid.rows()) {
      const prefix = `,${ys[j]!},`;
      const lines = new Array<string>(row.length);
      for (let i = 0; i < row.length; i += 1) {
        lines[i] = `${xs[i]!}${prefix}${plainFigure(row[i]!, digits)}${CRLF}`;
      }
      yield lines.join('');
      j += 1;
    }
    return;
  }
  yield toCsv([['y\\x', ...xs]], new Set(xs.map((_, i) => i + 1)));
  let j = 0;
  for (const row of grid.rows()) {
    const cells = new Array<string>(row.length + 1);
    cells[0] = ys[j]!;
    for (let i = 0; i < row.length; i += 1) {
      cells[i + 1] = plainFigure(row[i]!, digits);
    }
    yield cells.join(',') + CRLF;
    j += 1;
  }
}
