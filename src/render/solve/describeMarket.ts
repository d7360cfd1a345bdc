import type { D } from '../../engine/decimal.js';
import type { MarketSolveReport } from '../../report/solveTypes.js';
import { formatExactAmount, formatExactRate, formatGrowthFactor } from './formatSolveFigures.js';
import { plainFigure } from '../formatNumber.js';

// The relation a market solve answered, in general and with its figures, and why none answers.

/** The relation solved, in general and with the figures given (the unknown by its name). */
export function marketEquation(report: MarketSolveReport): readonly [string, string] {
  const { inputs, amountUnit } = report;
  const amount = (value: D): string => formatExactAmount(value, amountUnit);
  // A figure given is written out; one not given (the unknown) keeps its name.
  const given = (key: 'marketCap' | 'tvl' | 'price' | 'supply', word: string): string => {
    const figure = inputs[key];
    if (figure === null) {
      return word;
    }
    return key === 'price' ? formatExactAmount(figure.value, 'USD') : key === 'supply' ? formatExactAmount(figure.value, 'BTC') : amount(figure.value);
  };
  const share = inputs.utilization === null ? 'utilization' : formatExactRate(inputs.utilization.value);
  const tvl = given('tvl', 'tvl');
  const price = given('price', 'price');
  const supply = given('supply', 'supply');
  const marketCap = given('marketCap', 'market cap');
  switch (report.route) {
    case 'market-cap':
      if (report.solve === 'tvl') {
        const grows = inputs.growth !== null && inputs.years !== null;
        return grows
          ? ['tvl = market cap × (1 + growth)^years × utilization', `tvl = ${marketCap} × ${formatGrowthFactor(inputs.growth!.value)}^${plainFigure(inputs.years!.value)} × ${share}`]
          : ['tvl = market cap × utilization', `tvl = ${marketCap} × ${share}`];
      }
      return ['market cap = price × supply', `${marketCap} = ${price} × ${supply}`];
    case 'price-supply':
      return report.solve === 'tvl' ? ['tvl = price × supply × utilization', `tvl = ${price} × ${supply} × ${share}`] : ['market cap = price × supply', `market cap = ${price} × ${supply}`];
    case 'supply':
      return ['tvl = supply × utilization (in bitcoin)', `tvl = ${supply} × ${share}`];
    case 'tvl-utilization':
      if (report.solve === 'market-cap') {
        return ['tvl = market cap × utilization', `${tvl} = market cap × ${share}`];
      }
      if (report.solve === 'supply' && amountUnit === 'BTC') {
        return ['tvl = supply × utilization (in bitcoin)', `${tvl} = supply × ${share}`];
      }
      return ['tvl = price × supply × utilization', `${tvl} = ${price} × ${supply} × ${share}`];
  }
}

export function describeMarketReason(report: MarketSolveReport): string {
  switch (report.reason) {
    case 'zero-utilization':
      return 'a utilization of 0% locks nothing, so no whole makes the TVL';
    case 'zero-price':
      return 'at a price of zero no number of bitcoin makes the market cap';
    case 'zero-supply':
      return 'with no bitcoin no price makes the market cap';
    case null:
      return '';
  }
}
