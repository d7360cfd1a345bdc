import type { D } from '../engine/decimal.js';
import type { Unit } from '../core/unit.js';

/** The scenario fields a grid can vary, as a scenario file names them. */
export const GRID_FIELDS = ['market_cap', 'tvl', 'utilization', 'growth', 'years'] as const;
export type GridField = (typeof GRID_FIELDS)[number];

/** How a field's values read: amounts (2T), rates (5%, kept as fractions) or whole years. */
export type FieldKind = 'amount' | 'rate' | 'years';

export const FIELD_KIND = {
  market_cap: 'amount',
  tvl: 'amount',
  utilization: 'rate',
  growth: 'rate',
  years: 'years',
} as const satisfies Record<GridField, FieldKind>;

/** At most this many values on one axis, and so at most this squared cells. */
export const MAX_AXIS_VALUES = 1000;

/** An amount written with a unit marker ($2T, 5 BTC), to be checked against the scenario's unit. */
export interface MarkedAmount {
  readonly text: string;
  readonly marker: Unit;
}

/** One axis of a grid: a field and its values, in the order given. */
export interface Axis {
  readonly field: GridField;
  /** Amounts, rates as fractions (0.05 for 5%), or whole numbers of years. */
  readonly values: readonly D[];
  /** The amounts that name a unit, for the caller to check against the scenario. */
  readonly marked: readonly MarkedAmount[];
  /** Set when a range stops short of its end, which is not a whole number of steps away. */
  readonly stopsShort: { readonly last: D; readonly end: D } | null;
}
