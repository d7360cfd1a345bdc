import type { D } from '../engine/decimal.js';
import type { Unit } from '../core/unit.js';
import type { GridField } from './fieldTable.js';

// The fields a grid can vary and how each reads are rows of the field table.
export { FIELD_KIND, GRID_EXAMPLE, GRID_FIELDS, type FieldKind, type GridField } from './fieldTable.js';

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
