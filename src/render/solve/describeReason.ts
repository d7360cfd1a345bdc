import type { GrowthReport, StartReport, UtilizationReport, YearsReport } from '../../report/solveTypes.js';
import { formatExactAmount, formatExactRate } from './formatSolveFigures.js';

// Why a solve has no answer, in words: the engine returns a reason code, these sentences say it.

export function describeGrowthReason(report: GrowthReport): string {
  const from = formatExactAmount(report.from.value, report.unit);
  const to = formatExactAmount(report.to.value, report.unit);
  switch (report.reason) {
    case 'zero-start':
      return report.to.value.isZero()
        ? 'from zero to zero every growth rate fits, so there is no one answer'
        : `from zero no growth rate reaches ${to}: zero stays zero at any rate`;
    case 'zero-years':
      return report.to.value.eq(report.from.value)
        ? 'over 0 years nothing grows, so every growth rate fits and there is no one answer'
        : `over 0 years nothing grows, so no growth rate turns ${from} into ${to}`;
    case null:
      return '';
  }
}

export function describeYearsReason(report: YearsReport): string {
  const from = formatExactAmount(report.from.value, report.unit);
  const to = formatExactAmount(report.to.value, report.unit);
  const growth = formatExactRate(report.growth.value);
  switch (report.reason) {
    case 'zero-start':
      return `zero stays zero at any growth rate, so it never reaches ${to}`;
    case 'zero-target':
      return `at ${growth} a year ${from} shrinks towards zero but never gets there; only -100% reaches zero`;
    case 'wiped-out':
      return report.to.value.isZero()
        ? `at -100% a year ${from} is zero after any time at all, so no one span of years answers`
        : `at -100% a year ${from} is gone at once: it drops to zero without passing ${to}`;
    case 'flat':
      return `at 0% a year ${from} stays as it is and never reaches ${to}`;
    case 'moves-away': {
      const higher = report.to.value.gt(report.from.value);
      return `at ${growth} a year ${from} ${report.growth.value.isNegative() ? 'falls' : 'grows'} away from the ${higher ? 'higher' : 'lower'} target ${to}`;
    }
    case null:
      return '';
  }
}

export function describeStartReason(report: StartReport): string {
  const to = formatExactAmount(report.to.value, report.unit);
  switch (report.reason) {
    case 'wiped-out':
      return report.to.value.isZero()
        ? 'at -100% a year every start ends at zero, so the end says nothing of where it began'
        : `at -100% a year every start ends at zero, so no start grows into ${to}`;
    case null:
      return '';
  }
}

export function describeUtilizationReason(report: UtilizationReport): string {
  const tvl = formatExactAmount(report.tvl.value, report.unit);
  switch (report.reason) {
    case 'zero-market-cap':
      return `no share of a zero market cap makes a TVL of ${tvl}`;
    case 'wiped-out':
      return 'at -100% a year the market cap is gone by the horizon, so no share of it makes a TVL';
    case null:
      return '';
  }
}
