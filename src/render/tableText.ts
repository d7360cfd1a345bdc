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
};

/** Chinese for zh locales, English otherwise. */
export function tableText(locale: string): TableText {
  return locale.toLowerCase().startsWith('zh') ? ZH : EN;
}
