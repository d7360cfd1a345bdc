import type { D } from '../engine/decimal.js';
import type { Unit } from '../core/unit.js';
import type { Axis } from '../scenario/axis.js';

export { FIELD_KIND, type Axis, type FieldKind, type GridField } from '../scenario/axis.js';

/** A computed grid, ready to render: the axes, where the cells are, and a way to walk its rows. */
export interface GridReport {
  readonly scenario: string;
  /** null for a scenario without cases. */
  readonly case: string | null;
  readonly unit: Unit;
  readonly x: Axis;
  readonly y: Axis;
  /** The label of the period every cell is at, or null when each cell is at its own last period (years varies). */
  readonly at: string | null;
  /**
   * A fresh pass over the rows, y by y, each row the TVL of every x. Rows are computed as they
   * are read, so a renderer that streams them keeps memory flat.
   */
  readonly rows: () => Iterable<readonly D[]>;
}
