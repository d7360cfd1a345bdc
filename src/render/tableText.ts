/** The words of `btcfi project`'s tables, in the reader's language; figures are formatted apart. */
export interface TableText {
  readonly period: string;
  readonly marketCap: string;
  readonly utilization: string;
  readonly tvl: string;
  /** The TVL's column in the other unit: `TVL in BTC`. */
  readonly tvlIn: (unit: string) => string;
  /** The line under a table that states a price or a supply. */
  readonly price: string;
  readonly supply: string;
  readonly median: string;
  readonly band: string;
  readonly chance: string;
  readonly change: string;
  readonly case: string;
  readonly whatIf: string;
  /** `Target $100B (rounded):` */
  readonly target: (amount: string, which: string | null) => string;
  readonly reachedIn: (period: string) => string;
  readonly notReachedBy: (period: string) => string;
  readonly growthNeeded: (rate: string) => string;
  readonly utilizationNeeded: (rate: string, beyond: boolean) => string;
  readonly sampled: (samples: string, seed: number) => string;
  /** `Reference eth-defi $238B (2025):` */
  readonly reference: (name: string, amount: string, period: string | null) => string;
  readonly aboveFromStart: string;
  readonly atFromStart: string;
  /** `crosses it in 2029 (at 2.844 years)` */
  readonly crossesIn: (period: string, years: string) => string;
  readonly fallsBelowIn: (period: string, years: string) => string;
  readonly belowAgainBy: (period: string) => string;
  readonly backUpBy: (period: string) => string;
  readonly belowThrough: (period: string) => string;
  /** `Growth solved (exact): 26.43…% a year, to end at $770.6B in 2031` */
  readonly solvedGrowth: (which: string | null, rate: string, end: string, period: string) => string;
}

const EN: TableText = {
  period: 'Period',
  marketCap: 'Market cap',
  utilization: 'Utilization',
  tvl: 'TVL',
  tvlIn: (unit) => `TVL in ${unit}`,
  price: 'Price of a bitcoin',
  supply: 'supply',
  median: 'TVL p50',
  band: 'p5–p95',
  chance: 'P(target)',
  change: 'Change',
  case: 'case',
  whatIf: 'what-if',
  target: (amount, which) => `Target ${amount}${which === null ? '' : ` (${which})`}:`,
  reachedIn: (period) => `reached in ${period}`,
  notReachedBy: (period) => `not reached by ${period}`,
  growthNeeded: (rate) => `growth needed ${rate} a year`,
  utilizationNeeded: (rate, beyond) => `utilization needed ${rate}${beyond ? ' (more than the whole market cap)' : ''}`,
  sampled: (samples, seed) => `Sampled: ${samples} paths, seed ${seed}; figures of sampled cases are medians, with the 5th to 95th percentile.`,
  reference: (name, amount, period) => `Reference ${name} ${amount}${period === null ? '' : ` (${period})`}:`,
  aboveFromStart: 'above from the start',
  atFromStart: 'equals it from the start',
  crossesIn: (period, years) => `crosses it in ${period} (at ${years} years)`,
  fallsBelowIn: (period, years) => `falls below it in ${period} (at ${years} years)`,
  belowAgainBy: (period) => `below again by ${period}`,
  backUpBy: (period) => `back up by ${period}`,
  belowThrough: (period) => `below through ${period}`,
  solvedGrowth: (which, rate, end, period) => `Growth solved${which === null ? '' : ` (${which})`}: ${rate} a year, to end at ${end} in ${period}`,
};

const ZH: TableText = {
  period: '期间',
  marketCap: '市值',
  utilization: '利用率',
  tvl: 'TVL',
  tvlIn: (unit) => `TVL（${unit}）`,
  price: '比特币价格',
  supply: '供应量',
  median: 'TVL 中位数',
  band: 'p5–p95',
  chance: '达成概率',
  change: '变化',
  case: '情景',
  whatIf: '假设',
  target: (amount, which) => `目标 ${amount}${which === null ? '' : `（${which}）`}：`,
  reachedIn: (period) => `${period} 达到`,
  notReachedBy: (period) => `到 ${period} 仍未达到`,
  growthNeeded: (rate) => `所需年增长率 ${rate}`,
  utilizationNeeded: (rate, beyond) => `所需利用率 ${rate}${beyond ? '（超过全部市值）' : ''}`,
  sampled: (samples, seed) => `抽样：${samples} 条路径，种子 ${seed}；抽样情景的数值为中位数，并给出第 5 至第 95 百分位区间。`,
  reference: (name, amount, period) => `参考 ${name} ${amount}${period === null ? '' : `（${period}）`}：`,
  aboveFromStart: '起点即高于',
  atFromStart: '起点即等于',
  crossesIn: (period, years) => `${period} 超过（第 ${years} 年）`,
  fallsBelowIn: (period, years) => `${period} 跌破（第 ${years} 年）`,
  belowAgainBy: (period) => `到 ${period} 再次低于`,
  backUpBy: (period) => `到 ${period} 回升`,
  belowThrough: (period) => `到 ${period} 仍低于`,
  solvedGrowth: (which, rate, end, period) => `求解增长率${which === null ? '' : `（${which}）`}：每年 ${rate}，${period} 达到 ${end}`,
};

/** Chinese for zh locales, English otherwise. */
export function tableText(locale: string): TableText {
  return locale.toLowerCase().startsWith('zh') ? ZH : EN;
}
