import * as z from 'zod/mini';
import { amount, described, exactAmount, growthRate, utilizationRate, wholeNumber, DISTRIBUTION_KEYS } from './fields.js';
import { referencesField } from './referenceSchema.js';
import { issuance, supplyShare } from './marketFields.js';
import { once } from '../core/once.js';

// The scenario fields, one row each. Everything that lists the fields is derived from here: the
// schema (schema.ts), the command-line flags and their types (cli/options.ts), the stand-ins of
// fields that failed (salvage.ts), the keys a misspelt key is matched against (parseScenario.ts),
// the fields a grid can vary (axis.ts) and, through the flags, shell completion. A new field is
// a row here plus its meaning in the engine (resolveScenario.ts hands it over).

export const MAX_YEARS = 200;
const MAX_START = 9999;

// Each schema is built at its first use (a run that reads no scenario builds none), and once.

export const phaseSchema = once(() =>
  z.strictObject({
    years: wholeNumber(1, MAX_YEARS, 'years'),
    rate: growthRate(),
  }),
);

const growth = once(() =>
  z.union([growthRate(), z.array(phaseSchema()).check(z.minLength(1, { error: 'needs at least one phase' }))], {
    error: 'must be a rate like 26.4%, or a list of phases like [{years: 2, rate: 50%}, {years: 3, rate: 20%}]',
  }),
);

const utilization = once(() =>
  z.union([utilizationRate(), z.strictObject({ from: utilizationRate(), to: utilizationRate() })], {
    error: 'must be a rate like 5%, or a ramp like {from: 0.46%, to: 5%}',
  }),
);

// The price of a bitcoin in dollars: a figure (or a range), or a mapping with a growth of its own.
const price = once(() =>
  z.union([amount(), z.strictObject({ value: amount(), growth: z.optional(growth()) })], {
    error: 'must be an amount in dollars like 100K, a range like 80K to 120K, or {value: 100K, growth: 20%}',
  }),
);

// Bitcoin in circulation: an amount, a mapping with issuance, or the TVL's share of it.
const supply = once(() =>
  z.union(
    [
      exactAmount(),
      z
        .strictObject({ value: z.optional(exactAmount()), issuance: z.optional(issuance()), share: z.optional(supplyShare()) })
        .check(
          z.refine((s) => (s.value === undefined) !== (s.share === undefined), { error: 'needs value (19.85M BTC) or share (0.46%), not both' }),
          z.refine((s) => s.issuance === undefined || s.value !== undefined, { error: 'issuance needs a value: {value: 19.85M BTC, issuance: 0.83%}' }),
        ),
    ],
    { error: 'must be an amount of bitcoin like 19.85M BTC, {value: 19.85M BTC, issuance: 0.83%}, or the TVL\'s share of it {share: 0.46%}' },
  ),
);

/** How a grid axis reads the field's values: amounts (2T), rates (5%, kept as fractions) or whole years. */
export type FieldKind = 'amount' | 'rate' | 'years';

export interface FieldRow {
  /** scenario: set once for the whole file; case: a case may override it. */
  readonly scope: 'scenario' | 'case';
  /** The field's schema, built at its first use. */
  readonly schema: () => z.ZodMiniType;
  /** For the JSON Schema and editors. */
  readonly description: string;
  /** A neutral value put in place of the field when it failed, so that the checks of the whole scenario still run; null for none. */
  readonly standIn: string | null;
  /** The keys allowed in a mapping written as the field's value, for "did you mean" hints. */
  readonly innerKeys: readonly string[];
  /** The flag that sets the field (--market-cap for market_cap), or null for none. */
  readonly flag: {
    /** Position among the field flags in help. */
    readonly order: number;
    /** What the flag takes, as help shows it: `<amount>`. */
    readonly value: string;
    readonly help: string;
    /** Allowed values; `upper` reads them in any case and passes them on in upper case. */
    readonly choices?: readonly string[];
    readonly upper?: boolean;
    /** Only the commands that name it in addFieldFlags get it. */
    readonly optIn?: boolean;
  } | null;
  /** Whether the field starts a path (a TVL, or a market cap): field flags that set one make a scenario of their own. */
  readonly base?: boolean;
  /** How `btcfi grid` varies the field, or null when it cannot be an axis. */
  readonly grid: {
    /** Position in the list of grid fields. */
    readonly order: number;
    readonly kind: FieldKind;
    readonly example: string;
  } | null;
}

export const FIELD_TABLE = {
  unit: {
    scope: 'scenario',
    schema: once(() => z.enum(['USD', 'BTC'], { error: 'must be USD or BTC' })),
    description: 'Unit of every amount: USD (default) or BTC',
    standIn: 'USD',
    innerKeys: [],
    flag: { order: 8, value: '<unit>', help: 'unit of amounts: USD or BTC', choices: ['USD', 'BTC'], upper: true },
    grid: null,
  },
  start: {
    scope: 'case',
    schema: once(() => wholeNumber(1, MAX_START, 'a year')),
    description: 'First calendar year (2026); without it periods read +0, +1, ...',
    standIn: '2000',
    innerKeys: [],
    flag: { order: 6, value: '<year>', help: 'first calendar year (2026)' },
    grid: null,
  },
  years: {
    scope: 'case',
    schema: once(() => wholeNumber(0, MAX_YEARS, 'years')),
    description: 'Horizon in whole years, 0 to 200 (default 0)',
    standIn: null,
    innerKeys: [],
    flag: { order: 5, value: '<n>', help: 'horizon in whole years, 0 to 200' },
    grid: { order: 5, kind: 'years', example: 'years=1..10' },
  },
  step: {
    scope: 'case',
    schema: once(() => z.enum(['year', 'quarter', 'month'], { error: 'must be year, quarter or month' })),
    description: 'Period length: year (default), quarter or month',
    standIn: 'year',
    innerKeys: [],
    flag: { order: 7, value: '<step>', help: 'period length', choices: ['year', 'quarter', 'month'] },
    grid: null,
  },
  tvl: {
    scope: 'case',
    schema: amount,
    description: 'A TVL that compounds at growth: 238.5B, $2T, "2,000,000", 2e12, 91,332 BTC',
    standIn: '1',
    innerKeys: DISTRIBUTION_KEYS,
    flag: { order: 1, value: '<amount>', help: 'TVL that compounds at --growth (238.5B, $2T, 91,332 BTC)' },
    base: true,
    grid: { order: 2, kind: 'amount', example: 'tvl=100B..500B:100B' },
  },
  market_cap: {
    scope: 'case',
    schema: amount,
    description: 'A market cap that compounds at growth; TVL = market_cap x utilization',
    standIn: '1',
    innerKeys: DISTRIBUTION_KEYS,
    flag: { order: 2, value: '<amount>', help: 'market cap that compounds at --growth' },
    base: true,
    grid: { order: 1, kind: 'amount', example: 'market_cap=1T..5T:1T' },
  },
  utilization: {
    scope: 'case',
    schema: utilization,
    description: 'Share of the market cap locked as TVL: 5%, or a ramp {from: 0.46%, to: 5%}',
    standIn: '0%',
    innerKeys: ['from', 'to', ...DISTRIBUTION_KEYS],
    flag: { order: 3, value: '<rate>', help: 'share of the market cap locked as TVL (5%)' },
    grid: { order: 3, kind: 'rate', example: 'utilization=1%..10%:1%' },
  },
  growth: {
    scope: 'case',
    schema: growth,
    description: 'Growth per year (CAGR): 26.4%, -74%, 0.05, or phases [{years: 2, rate: 50%}, ...]',
    standIn: '0%',
    innerKeys: DISTRIBUTION_KEYS,
    flag: { order: 4, value: '<rate>', help: 'growth per year, a CAGR (26.4%, -74%, 0.05)' },
    grid: { order: 4, kind: 'rate', example: 'growth=0%..30%:10%' },
  },
  end: {
    scope: 'case',
    schema: exactAmount,
    description: 'The amount (tvl or market_cap) at the horizon, instead of growth: the growth that reaches it is solved exactly and the path ends at this figure: 770.6B',
    standIn: null,
    innerKeys: [],
    flag: { order: 4.5, value: '<amount>', help: 'amount at the horizon; the growth is solved (770.6B)', optIn: true },
    grid: null,
  },
  resample: {
    scope: 'case',
    schema: once(() => z.enum(['path', 'yearly'], { error: 'must be path or yearly' })),
    description: 'For an uncertain growth: draw it once per path (path, the default) or anew each year (yearly)',
    standIn: null,
    innerKeys: [],
    flag: null,
    grid: null,
  },
  price: {
    scope: 'case',
    schema: price,
    description:
      'USD per BTC: 100K, $100,000, a range 80K to 120K, or {value: 100K, growth: 20%} (growth or phases of its own). With supply and no market_cap, the market cap is price x supply and growth is the price\'s; otherwise it turns TVL into the other unit',
    standIn: '1',
    innerKeys: ['value', 'growth', ...DISTRIBUTION_KEYS],
    flag: { order: 10, value: '<amount>', help: 'USD per BTC (100K): with --supply the market cap is price x supply; else it converts TVL' },
    grid: null,
  },
  supply: {
    scope: 'case',
    schema: supply,
    description:
      'Bitcoin in circulation: 19.85M BTC, {value: 19.85M BTC, issuance: 0.83%} (or issuance: 164,250 BTC a year, as a rate of the start), or with tvl the TVL\'s share of it {share: 0.46%}',
    standIn: '1',
    innerKeys: ['value', 'issuance', 'share'],
    flag: { order: 11, value: '<amount>', help: 'bitcoin in circulation (19.85M BTC): with --price and --utilization, market cap = price x supply' },
    base: true,
    grid: null,
  },
  target: {
    scope: 'case',
    schema: exactAmount,
    description: 'A TVL to reach: btcfi project reports when it is reached, and the growth or utilization that would reach it at the horizon',
    standIn: '1',
    innerKeys: [],
    flag: { order: 9, value: '<amount>', help: 'a TVL to reach: when, and what growth or utilization reaches it', optIn: true },
    grid: null,
  },
  references: {
    scope: 'scenario',
    schema: referencesField,
    description: 'Named levels each path is compared with: {eth-defi: {value: 238B, source: "..."}, etf-aum: 115B}; include: FILE adds the references of a file (relative to this one)',
    standIn: null,
    innerKeys: [],
    flag: null,
    grid: null,
  },
} as const satisfies Record<string, FieldRow>;

type Table = typeof FIELD_TABLE;
export type FieldKey = keyof Table;
type KeysWhere<Condition> = { [K in FieldKey]: Table[K] extends Condition ? K : never }[FieldKey];

/** The fields a case may override; the same fields a what-if flag may set. */
export type CaseKey = KeysWhere<{ readonly scope: 'case' }>;
export type ScenarioLevelKey = KeysWhere<{ readonly scope: 'scenario' }>;
/** The scenario fields a grid can vary, as a scenario file names them. */
export type GridField = KeysWhere<{ readonly grid: object }>;
export type FlagField = KeysWhere<{ readonly flag: object }>;

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** The option key commander gives a field's flag: marketCap for --market-cap. */
export type FlagKey<K extends FlagField = FlagField> = CamelCase<K>;

/** The field flags as the user typed them, under commander's option keys. */
export type FieldFlags = { readonly [K in FlagField as CamelCase<K>]?: string | undefined };

const rows = Object.entries(FIELD_TABLE) as [FieldKey, FieldRow][];

/** The option key of a field's flag: market_cap is marketCap. */
export function flagKey<K extends FlagField>(field: K): FlagKey<K> {
  return field.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()) as FlagKey<K>;
}

export function isFlagField(field: FieldKey): field is FlagField {
  return (FIELD_TABLE[field] as FieldRow).flag !== null;
}

/** The flag of a field: market_cap is --market-cap. */
export function flagName(field: FieldKey): string {
  return `--${field.replaceAll('_', '-')}`;
}

/** Every field with a flag, in the order help lists them. */
export const FLAG_FIELDS: readonly FlagField[] = rows
  .filter(([, row]) => row.flag !== null)
  .sort(([, a], [, b]) => a.flag!.order - b.flag!.order)
  .map(([key]) => key as FlagField);

/** The fields that start a path: a scenario needs one of them. */
export const BASE_FIELDS: readonly FieldKey[] = rows.filter(([, row]) => row.base === true).map(([key]) => key);

/** The fields a grid can vary, in the order messages list them. */
export const GRID_FIELDS: readonly GridField[] = rows
  .filter(([, row]) => row.grid !== null)
  .sort(([, a], [, b]) => a.grid!.order - b.grid!.order)
  .map(([key]) => key as GridField);

function gridSpec(field: GridField): NonNullable<FieldRow['grid']> {
  return (FIELD_TABLE[field] as FieldRow).grid!;
}

/** How each grid field's values read. */
export const FIELD_KIND = Object.fromEntries(GRID_FIELDS.map((field) => [field, gridSpec(field).kind])) as Readonly<Record<GridField, FieldKind>>;

/** An axis written for each grid field, for hints. */
export const GRID_EXAMPLE = Object.fromEntries(GRID_FIELDS.map((field) => [field, gridSpec(field).example])) as Readonly<Record<GridField, string>>;

/** Stand-ins of the fields that have one. */
export const FIELD_STAND_INS: Readonly<Record<string, string>> = Object.fromEntries(rows.flatMap(([key, row]) => (row.standIn === null ? [] : [[key, row.standIn]])));

/** The keys allowed inside a field's value written as a mapping. */
export function innerKeysOf(field: PropertyKey | undefined): readonly string[] {
  return typeof field === 'string' && Object.hasOwn(FIELD_TABLE, field) ? (FIELD_TABLE[field as FieldKey] as FieldRow).innerKeys : [];
}

/** The flags' values under the scenario keys they set (market_cap for --market-cap), in flag order, leaving out those not given. */
export function fieldsFromFlags(flags: FieldFlags): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const field of FLAG_FIELDS) {
    const value = flags[flagKey(field)];
    if (value !== undefined) {
      fields[field] = (FIELD_TABLE[field] as FieldRow).flag!.upper === true ? value.toUpperCase() : value;
    }
  }
  return fields;
}

type Described<S> = S extends () => infer T ? (T extends z.ZodMiniType ? z.ZodMiniOptional<T> : never) : never;

function describedFields<K extends FieldKey>(scope: FieldRow['scope']): { [P in K]: Described<Table[P]['schema']> } {
  return Object.fromEntries(
    rows.filter(([, row]) => row.scope === scope).map(([key, row]) => [key, described(z.optional(row.schema()), row.description)]),
  ) as { [P in K]: Described<Table[P]['schema']> };
}

/** The schemas of the fields a case may override, in table order. */
export const caseFields = once(() => describedFields<CaseKey>('case'));
/** The schemas of the fields set once per file. */
export const scenarioLevelFields = once(() => describedFields<ScenarioLevelKey>('scenario'));

/** The fields a case may override, in table order: the keys of caseFields, without building them. */
export const CASE_KEYS: readonly CaseKey[] = rows.filter(([, row]) => row.scope === 'case').map(([key]) => key as CaseKey);
