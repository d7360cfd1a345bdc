import { describe, expect, it } from 'vitest';
import { D } from '../../../src/engine/decimal.js';
import { renderSparkline } from '../../../src/render/chart/renderSparkline.js';

const ds = (...values: string[]): D[] => values.map((value) => new D(value));

describe('renderSparkline', () => {
  it.each([
    ['eight evenly rising values give every block in order', ds('0', '1', '2', '3', '4', '5', '6', '7'), '▁▂▃▄▅▆▇█'],
    ['a falling path falls', ds('7', '6', '5', '4', '3', '2', '1', '0'), '█▇▆▅▄▃▂▁'],
    ['the lowest value is ▁ and the highest █', ds('101721', '91332'), '█▁'],
    ['heights are exact on decimals beyond a double', ds('1e400', '1.5e400', '2e400'), '▁▅█'],
    ['a flat path is ▄ all along', ds('100', '100', '100'), '▄▄▄'],
    ['a path of zeros is ▁ all along', ds('0', '0'), '▁▁'],
    ['one period is one block', ds('5'), '▄'],
    ['no period is no block', [], ''],
  ])('%s', (_rule, values, expected) => {
    expect(renderSparkline(values)).toBe(expected);
  });

  it('never falls along a rising path', () => {
    const values = Array.from({ length: 30 }, (_, i) => new D('238.5e9').times(new D('1.264').pow(i)));
    const blocks = [...renderSparkline(values)];
    expect(blocks).toHaveLength(30);
    expect(blocks[0]).toBe('▁');
    expect(blocks.at(-1)).toBe('█');
    for (let i = 1; i < blocks.length; i += 1) {
      expect('▁▂▃▄▅▆▇█'.indexOf(blocks[i]!)).toBeGreaterThanOrEqual('▁▂▃▄▅▆▇█'.indexOf(blocks[i - 1]!));
    }
  });

  it('shows at most maxWidth periods, the first and last among them', () => {
    const values = Array.from({ length: 61 }, (_, i) => new D(i));
    const line = renderSparkline(values, 10);
    expect([...line]).toHaveLength(10);
    expect(line.startsWith('▁')).toBe(true);
    expect(line.endsWith('█')).toBe(true);
    expect(renderSparkline(values, 1)).toBe('█');
    expect(renderSparkline(values, 0)).toBe('');
  });

  it('keeps one block per period when they fit', () => {
    expect([...renderSparkline(ds('1', '2', '3'), 10)]).toHaveLength(3);
  });
});
