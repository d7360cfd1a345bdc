/**
 * A coordinate as SVG text: rounded to hundredths of a pixel, then written from that integer
 * (`12.5`, `-3.07`, `0`), so the same figure always gives the same bytes. Coordinates are
 * pixels, never money: they are the one place a chart uses JS numbers.
 */
export function px(value: number): string {
  const hundredths = Math.round(value * 100);
  if (!Number.isFinite(hundredths) || hundredths === 0) {
    return '0';
  }
  const sign = hundredths < 0 ? '-' : '';
  const magnitude = Math.abs(hundredths);
  const whole = Math.floor(magnitude / 100);
  const fraction = magnitude % 100;
  if (fraction === 0) {
    return `${sign}${whole}`;
  }
  const digits = String(fraction).padStart(2, '0').replace(/0$/, '');
  return `${sign}${whole}.${digits}`;
}
