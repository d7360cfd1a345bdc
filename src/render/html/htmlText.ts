/** The words of the HTML report around its tables (whose words are the tables' own, tableText.ts). */
export interface HtmlText {
  /** The page's title and heading. */
  readonly title: string;
  readonly scenarios: (count: number) => string;
  readonly contents: string;
  readonly targets: string;
  readonly references: string;
  readonly table: (name: string) => string;
  readonly madeBy: string;
}

const EN: HtmlText = {
  title: 'btcfi report',
  scenarios: (count) => `${count} ${count === 1 ? 'scenario' : 'scenarios'}`,
  contents: 'Contents',
  targets: 'Targets',
  references: 'References',
  table: (name) => `TVL of ${name} by period`,
  madeBy:
    'Made by btcfi: every figure is the exact value rounded to 4 significant digits for reading; btcfi project --format json gives the same figures to 40 digits.',
};

const ZH: HtmlText = {
  title: 'btcfi 报告',
  scenarios: (count) => `${count} 个情景`,
  contents: '目录',
  targets: '目标',
  references: '参考',
  table: (name) => `${name} 各期 TVL`,
  madeBy: '由 btcfi 生成：每个数值为精确值四舍五入到 4 位有效数字；btcfi project --format json 给出相同数值的 40 位有效数字。',
};

/** Chinese for zh locales, English otherwise (as the tables choose). */
export function htmlText(locale: string): HtmlText {
  return locale.toLowerCase().startsWith('zh') ? ZH : EN;
}
