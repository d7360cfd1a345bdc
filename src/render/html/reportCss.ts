/**
 * The report's style sheet, inline in the page: the system's own fonts (nothing to fetch), light
 * and dark colours from the reader's setting, tables that turn into a list per period on a narrow
 * screen, and pages of A4 when printed. Colours meet WCAG AA contrast (4.5:1) on their background
 * in both schemes.
 */
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --rule: #d1d9e0; --head: #f6f8fa;
  --rise: #1a7f37; --fall: #c5221f; --link: #0550ae; --mark: #9a6700;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --rule: #3d444d; --head: #151b23;
    --rise: #3fb950; --fall: #ff7b72; --link: #4493f8; --mark: #d29922;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
}
header, main, footer { max-width: 75rem; margin: 0 auto; padding: 0 1.25rem; }
h1 { font-size: 1.75rem; margin: 1.5rem 0 0.25rem; }
h2 { font-size: 1.3rem; margin: 0 0 0.25rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 0; }
h1, h2, h3, p, li, th, td { overflow-wrap: anywhere; }
a { color: var(--link); }
.meta { color: var(--muted); margin: 0 0 0.5rem; }
.source { margin: 0 0 0.5rem; }
.what-if { color: var(--mark); margin: 0 0 0.5rem; }
nav ol { margin: 0.5rem 0 1.5rem; padding-left: 1.5rem; }
.scenario { border-top: 1px solid var(--rule); padding: 1.5rem 0; }
.table { margin: 1rem 0; max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 0.3rem 0.75rem; text-align: right; border-bottom: 1px solid var(--rule); }
td { white-space: nowrap; }
thead th { background: var(--head); font-weight: 600; vertical-align: bottom; }
th.period, tbody th { text-align: left; }
th.case { text-align: center; border-bottom: 1px solid var(--rule); }
tbody th { font-weight: 600; }
td.rise { color: var(--rise); }
td.fall { color: var(--fall); }
.targets, .references { margin: 0.5rem 0; padding-left: 1.25rem; }
.reached { color: var(--rise); }
.not-reached { color: var(--mark); }
figure { margin: 1rem 0; }
figure svg { display: block; max-width: 100%; height: auto; border-radius: 6px; }
.chart .narrow { display: none; }
footer { padding-bottom: 2rem; }
@media (max-width: 40rem) {
  body { font-size: 14px; }
  header, main, footer { padding: 0 0.75rem; }
  .table { overflow: visible; }
  table, tbody, tr, th, td { display: block; }
  thead { display: none; }
  tr { border-bottom: 1px solid var(--rule); padding: 0.5rem 0; }
  tbody th { border: 0; padding: 0 0 0.25rem; }
  td { display: flex; justify-content: space-between; gap: 1rem; border: 0; padding: 0.1rem 0; white-space: normal; }
  td::before { content: attr(data-label); color: var(--muted); text-align: left; }
  td.empty { display: none; }
  .chart .wide { display: none; }
  .chart .narrow { display: block; }
}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  :root {
    --bg: #ffffff; --fg: #000000; --muted: #444c56; --rule: #afb8c1; --head: #eef1f4;
    --rise: #116329; --fall: #a40e26; --link: #000000; --mark: #7d4e00;
  }
  body { font-size: 10pt; }
  header, main, footer { max-width: none; padding: 0; }
  nav { display: none; }
  a { text-decoration: none; }
  .scenario { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  figure, tr, .targets li, .references li { break-inside: avoid; }
  thead { display: table-header-group; }
  .table { overflow: visible; }
  th, td { padding: 0.15rem 0.5rem; }
}
`;
