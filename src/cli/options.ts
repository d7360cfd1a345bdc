import { InvalidArgumentError, Option, type Command } from 'commander';
import { FIELD_TABLE, FLAG_FIELDS, flagName, type FieldRow, type FlagField } from '../scenario/fieldTable.js';

/** --digits N: significant digits for machine-readable figures, 1 to 40. */
export function parseDigits(value: string): number {
  if (!/^[0-9]+$/.test(value) || Number(value) < 1 || Number(value) > 40) {
    throw new InvalidArgumentError('It must be a whole number from 1 to 40.');
  }
  return Number(value);
}

function collect(value: string, previous: string[] | undefined): string[] {
  // Appends in place: copying the list for every flag took time growing with the square of their number.
  const list = previous ?? [];
  list.push(value);
  return list;
}

/** A choice in any case, passed on in upper case; a list of choices (year,quarter, a sweep) is checked value by value. */
function upperChoice(choices: readonly string[]) {
  return (value: string): string => {
    const upper = value.toUpperCase();
    if (!upper.split(',').every((one) => choices.includes(one.trim()))) {
      throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    }
    return upper;
  };
}

/** One of the choices, or a list of them (year,quarter: a sweep). */
function listChoice(choices: readonly string[]) {
  return (value: string): string => {
    if (!value.split(',').every((one) => choices.includes(one.trim()))) {
      throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}; several, separated by commas, make a case each.`);
    }
    return value;
  };
}

/**
 * The flags that set scenario fields, one for each row of the field table that has one: an
 * inline scenario on their own, a what-if on top of files. Flags marked opt-in (--target) only
 * where `optIn` names them.
 */
export function addFieldFlags(command: Command, optIn: readonly FlagField[] = []): Command {
  for (const field of FLAG_FIELDS) {
    const flag = (FIELD_TABLE[field] as FieldRow).flag!;
    if (flag.optIn === true && !optIn.includes(field)) {
      continue;
    }
    const option = new Option(`${flagName(field)} ${flag.value}`, flag.help).helpGroup('Scenario fields:');
    if (flag.choices !== undefined) {
      if (flag.upper === true) {
        option.argParser(upperChoice(flag.choices));
      } else {
        // choices() for help and completion; the parser then takes a list of them too.
        option.choices(flag.choices).argParser(listChoice(flag.choices));
      }
    }
    command.addOption(option);
  }
  return command;
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
