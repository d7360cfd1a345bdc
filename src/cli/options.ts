import { InvalidArgumentError, Option, type Command } from 'commander';

/** --digits N: significant digits for machine-readable figures, 1 to 40. */
export function parseDigits(value: string): number {
  if (!/^[0-9]+$/.test(value) || Number(value) < 1 || Number(value) > 40) {
    throw new InvalidArgumentError('It must be a whole number from 1 to 40.');
  }
  return Number(value);
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function upperChoice(choices: readonly string[]) {
  return (value: string): string => {
    const upper = value.toUpperCase();
    if (!choices.includes(upper)) {
      throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    }
    return upper;
  };
}

/** The flags that set scenario fields: an inline scenario on their own, a what-if on top of files. */
export function addFieldFlags(command: Command): Command {
  return command
    .addOption(new Option('--tvl <amount>', 'TVL that compounds at --growth (238.5B, $2T, 91,332 BTC)').helpGroup('Scenario fields:'))
    .addOption(new Option('--market-cap <amount>', 'market cap that compounds at --growth').helpGroup('Scenario fields:'))
    .addOption(new Option('--utilization <rate>', 'share of the market cap locked as TVL (5%)').helpGroup('Scenario fields:'))
    .addOption(new Option('--growth <rate>', 'growth per year, a CAGR (26.4%, -74%, 0.05)').helpGroup('Scenario fields:'))
    .addOption(new Option('--years <n>', 'horizon in whole years, 0 to 200').helpGroup('Scenario fields:'))
    .addOption(new Option('--start <year>', 'first calendar year (2026)').helpGroup('Scenario fields:'))
    .addOption(new Option('--step <step>', 'period length').choices(['year', 'quarter', 'month']).helpGroup('Scenario fields:'))
    .addOption(new Option('--unit <unit>', 'unit of amounts: USD or BTC').argParser(upperChoice(['USD', 'BTC'])).helpGroup('Scenario fields:'));
}

/** --target: a TVL to reach (btcfi project reports when, and what reaches it). */
export function addTargetFlag(command: Command): Command {
  return command.addOption(new Option('--target <amount>', 'a TVL to reach: when, and what growth or utilization reaches it').helpGroup('Scenario fields:'));
}

export function addFilterFlags(command: Command): Command {
  return command
    .addOption(new Option('-s, --scenario <name>', 'only this scenario (repeatable)').argParser(collect))
    .addOption(new Option('-c, --case <name>', 'only this case (repeatable)').argParser(collect));
}

export const MAX_SAMPLES = 10_000_000;

/** --samples N: how many paths a scenario with ranges is sampled with, 1 to 10,000,000. */
export function parseSamples(value: string): number {
  const digits = value.replace(/[,_]/g, '');
  if (!/^[0-9]+$/.test(digits) || Number(digits) < 1 || Number(digits) > MAX_SAMPLES) {
    throw new InvalidArgumentError('It must be a whole number from 1 to 10,000,000.');
  }
  return Number(digits);
}

/** --seed S: the seed of the random generator, a whole number from 0 to 4294967295. */
export function parseSeed(value: string): number {
  if (!/^[0-9]+$/.test(value) || Number(value) > 0xffffffff) {
    throw new InvalidArgumentError('It must be a whole number from 0 to 4294967295.');
  }
  return Number(value);
}
