import { describe, expect, it } from 'vitest';
import { splitList, type ListKind } from '../../src/scenario/splitList.js';

// How a field flag's commas read (src/scenario/splitList.ts): null is one value, a list a sweep.
describe('splitList', () => {
  it.each<{ text: string; kind: ListKind; values: readonly string[] | null }>([
    { text: '5%,10%,11.9%', kind: 'rate', values: ['5%', '10%', '11.9%'] },
    { text: '5%, 10%, 11.9%', kind: 'rate', values: ['5%', '10%', '11.9%'] },
    { text: '0.05,0.1', kind: 'rate', values: ['0.05', '0.1'] },
    { text: '5% to 10%, 10% to 20%', kind: 'rate', values: ['5% to 10%', '10% to 20%'] },
    { text: '-74%,26.4%', kind: 'rate', values: ['-74%', '26.4%'] },
    { text: '7%', kind: 'rate', values: null },
    { text: '91,332 BTC', kind: 'amount', values: null },
    { text: '2,000,000,000,000', kind: 'amount', values: null },
    { text: '1,000.5', kind: 'amount', values: null },
    { text: '100,200,300', kind: 'amount', values: null },
    { text: '100B,200B', kind: 'amount', values: ['100B', '200B'] },
    { text: '$1T,$2T', kind: 'amount', values: ['$1T', '$2T'] },
    { text: '91,332 BTC, 101,721 BTC', kind: 'amount', values: ['91,332 BTC', '101,721 BTC'] },
    { text: '91,332 BTC,1B', kind: 'amount', values: ['91,332 BTC', '1B'] },
    { text: '1,000, 2,000', kind: 'amount', values: ['1,000', '2,000'] },
    { text: '1, 2', kind: 'amount', values: ['1', '2'] },
    { text: '5,10,20', kind: 'other', values: ['5', '10', '20'] },
    { text: 'year,quarter', kind: 'other', values: ['year', 'quarter'] },
    { text: '2026', kind: 'other', values: null },
  ])('$kind $text', ({ text, kind, values }) => {
    expect(splitList(text, kind)).toEqual({ ok: true, value: values });
  });

  it.each<{ text: string; kind: ListKind; says: RegExp }>([
    { text: '1,5B', kind: 'amount', says: /'1,5' does not group its digits in threes/ },
    { text: '1,000,2000', kind: 'amount', says: /does not group its digits in threes/ },
    { text: '100B,1,5', kind: 'amount', says: /'1,5' does not group/ },
    { text: '1,5%', kind: 'rate', says: /mixes percentages and bare fractions/ },
    { text: '5%,0.1', kind: 'rate', says: /mixes percentages/ },
    { text: '5%,,10%', kind: 'rate', says: /empty value/ },
    { text: '5%,', kind: 'rate', says: /empty value/ },
    { text: '5%,5%', kind: 'rate', says: /'5%' comes twice/ },
    { text: Array.from({ length: 101 }, (_, i) => `${i}%`).join(','), kind: 'rate', says: /lists 101 values; a sweep has at most 100/ },
  ])('refuses $kind $text', ({ text, kind, says }) => {
    const result = splitList(text, kind);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toMatch(says);
    expect(result.ok ? null : result.error.hint).not.toBeNull();
  });
});
