// The benchmark model in Squiggle 0.10 (run from a temporary folder where run.mjs installed it):
// the same lognormal 90% ranges, the same 5 years, mean and percentiles of each year's TVL.
import { run } from '@quri/squiggle-lang';

const samples = Number(process.argv[2] ?? 100000);
const code = `
marketCap = 2e12
growth = 1.05 to 1.25
utilization = 0.05 to 0.10
tvl(year) = marketCap * growth ^ year * utilization
stats(d) = {mean: mean(d), p5: quantile(d, 0.05), p25: quantile(d, 0.25), p50: quantile(d, 0.5), p75: quantile(d, 0.75), p95: quantile(d, 0.95)}
result = List.upTo(0, 5) -> map({|y| stats(tvl(y))})
`;
const output = await run(code, { environment: { sampleCount: samples, xyPointLength: 1000, seed: 'btcfi' } });
if (!output.result.ok) {
  console.error(output.result.value.toString());
  process.exit(1);
}
process.stdout.write(`${output.result.value.bindings.get('result').toString()}\n`);
