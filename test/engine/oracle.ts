// An independent high-precision computation of a path's figures, for property tests: the closed
// form, not the engine's step. Whole-year products are exact (BigInt), part-year powers and the
// rest are computed with 110 significant digits, then rounded once to 40, half to even.
import { Decimal } from 'decimal.js';
import type { TvlInput } from '../../src/engine/types.js';
import { PERIODS_PER_YEAR } from '../../src/engine/types.js';

const Q = Decimal.clone({ precision: 110, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

/** A decimal as an exact fraction n / 10^scale. */
function exact(text: string): { n: bigint; scale: number } {
  const [whole, fraction = ''] = new Q(text).toFixed().split('.');
  return { n: BigInt(`${whole}${fraction}`), scale: fraction.length };
}

/** value × (1 + g1)…(1 + gk), exact, as a 110-digit decimal (rounded once). */
function exactYears(start: string, rates: readonly string[]): Decimal {
  let { n, scale } = exact(start);
  for (const rate of rates) {
    const r = exact(rate);
    n *= r.n + 10n ** BigInt(r.scale);
    scale += r.scale;
  }
  return new Q(`${n}e-${scale}`).plus(0);
}

/** A figure rounded once to 40 significant digits, half to even, as CSV prints it. */
export function printed(value: Decimal): string {
  const rounded = value.toSignificantDigits(40, Decimal.ROUND_HALF_EVEN);
  return rounded.isZero() ? '0' : rounded.toFixed();
}

/** start × (1 + rate)^years over whole years, exact, printed. */
export function exactFigure(start: string, rate: string, years: number): string {
  return printed(exactYears(start, Array.from({ length: years }, () => rate)));
}

export interface OracleFigures {
  readonly marketCap: string | null;
  readonly utilization: string | null;
  readonly tvl: string;
}

/** The printed figures of period `index` of a path, by the closed form. */
export function oracleFigures(input: TvlInput, index: number): OracleFigures {
  const perYear = PERIODS_PER_YEAR[input.step];
  const periods = input.years * perYear;
  const year = Math.floor(index / perYear);
  const subperiod = index % perYear;
  const { base } = input;
  const start = (base.kind === 'tvl' ? base.tvl : base.marketCap).toFixed();
  let amount = exactYears(start, input.growthByYear.slice(0, year).map((rate) => rate.toFixed()));
  if (subperiod > 0) {
    const factor = new Q(input.growthByYear[year]!.toFixed()).plus(1);
    amount = amount.times(factor.isZero() ? factor : factor.pow(new Q(subperiod).div(perYear)));
  }
  if (base.kind === 'tvl') {
    return { marketCap: null, utilization: null, tvl: printed(amount) };
  }
  const from = new Q(base.utilization.from.toFixed());
  const to = new Q(base.utilization.to.toFixed());
  const utilization = periods === 0 ? from : from.times(periods).plus(to.minus(from).times(index)).div(periods);
  return { marketCap: printed(amount), utilization: printed(utilization), tvl: printed(amount.times(utilization)) };
}
