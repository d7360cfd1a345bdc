import { assertTvlInput } from '../engine/assertTvlInput.js';
import { atYearEnd } from '../engine/atYearEnd.js';
import { compoundToPeriod } from '../engine/compoundToPeriod.js';
import { P, type D } from '../engine/decimal.js';
import type { Fixed } from '../core/fixed.js';
import { decimalOf } from '../engine/decimalOf.js';
import { fixedOf } from '../engine/fixedOf.js';
import { growthToPeriod, type GrowthToPeriod } from '../engine/growthToPeriod.js';
import { makeFactors, type Factors } from '../engine/makeFactors.js';
import { nextYearProduct } from '../engine/nextYearProduct.js';
import { PERIODS_PER_YEAR, type TvlInput, type UtilizationRamp } from '../engine/types.js';
import { utilizationAtPeriod } from '../engine/utilizationAtPeriod.js';
import type { Axis, GridField } from '../scenario/axis.js';

/** What a grid varies, and the scenario case it varies. */
export interface GridModel {
  readonly x: Axis;
  readonly y: Axis;
  /**
   * The case, resolved with each axis field set to some value of its axis, so that its base has
   * the right kind (a tvl axis makes it a TVL scenario). When years is an axis, the case as
   * resolved for each years value of it; otherwise one input for every cell.
   */
  readonly inputFor: (years: number | null) => TvlInput;
  /** The period index of every cell, or null for each cell's last period. */
  readonly at: number | null;
}

/**
 * The TVL of every cell, one row per y value, each row the TVL at every x value. A cell is the
 * case with the two fields set to the cell's values (a utilization value replaces any ramp; a
 * growth value applies to every year), at the model's period: exactly tvlAtPeriod of that input.
 *
 * Nothing is computed more often than its inputs change: the growth factors once per distinct
 * growth, years and period; the grown amounts once per x when they do not depend on y; and so on.
 * Rows are computed as they are read.
 */
export function* computeGridRows(model: GridModel): Generator<D[], void, undefined> {
  const grid = makeGrid(model);
  const amount = amountPlane(grid);
  if (grid.first.base.kind === 'tvl') {
    yield* gridRows(grid, amount);
    return;
  }
  const utilization = utilizationPlane(grid);
  yield* gridRows(grid, (i, j) => amount(i, j).times(utilization(i, j)));
}

type AxisName = 'x' | 'y';

/** What every step of a grid shares: its axes, which field each varies, and the case at each cell. */
interface Grid {
  readonly nx: number;
  readonly ny: number;
  /** The value of a cell (i, j) on an axis. */
  readonly valueOn: (axis: AxisName, i: number, j: number) => D;
  readonly yearsAxis: AxisName | null;
  readonly growthAxis: AxisName | null;
  readonly startAxis: AxisName | null;
  readonly utilizationAxis: AxisName | null;
  /** The model's fixed period, or null for each cell's last period. */
  readonly at: number | null;
  /** The case of a cell: its years value's case when years is an axis, otherwise the one case. */
  readonly inputAt: (i: number, j: number) => TvlInput;
  /** The case of the first cell, checked; the kind of base and the step are the same in every cell. */
  readonly first: TvlInput;
  readonly perYear: number;
  readonly factors: Factors;
}

/** The grid of a model: which axis varies each field, and the case of each cell, each checked once. */
function makeGrid(model: GridModel): Grid {
  const { x, y, at } = model;
  const axisOf = (field: GridField): AxisName | null => (x.field === field ? 'x' : y.field === field ? 'y' : null);
  const valueOn = (axis: AxisName, i: number, j: number): D => (axis === 'x' ? x.values[i]! : y.values[j]!);
  const yearsAxis = axisOf('years');

  // The case for each years value (each checked once), or the one case.
  const inputs = new Map<number, TvlInput>();
  const inputAt: (i: number, j: number) => TvlInput =
    yearsAxis === null
      ? ((single) => () => single)(model.inputFor(null))
      : (i, j) => {
          const years = valueOn(yearsAxis, i, j).toNumber();
          let input = inputs.get(years);
          if (input === undefined) {
            input = model.inputFor(years);
            assertTvlInput(input);
            inputs.set(years, input);
          }
          return input;
        };
  const factors = makeFactors();
  const first = inputAt(0, 0);
  assertTvlInput(first);
  return {
    nx: x.values.length,
    ny: y.values.length,
    valueOn,
    yearsAxis,
    growthAxis: axisOf('growth'),
    startAxis: axisOf('market_cap') ?? axisOf('tvl'),
    utilizationAxis: axisOf('utilization'),
    at,
    inputAt,
    first,
    perYear: PERIODS_PER_YEAR[first.step],
    factors,
  };
}

/** The period index of a cell's case: the model's period, or the case's last. */
function indexAt(grid: Grid, input: TvlInput): number {
  return grid.at ?? input.years * grid.perYear;
}

/** The TVL or market cap of every cell: the start grown to the cell's period. */
function amountPlane(grid: Grid): (i: number, j: number) => D {
  const { nx, valueOn, inputAt, yearsAxis, growthAxis, startAxis, factors } = grid;
  // With a growth axis and a fixed period, the factors do not depend on the horizon.
  const growthOnYears = grid.at === null || growthAxis === null ? yearsAxis : null;
  const growth = plane<GrowthToPeriod>([growthAxis, growthOnYears], nx, (i, j) => {
    const input = inputAt(i, j);
    const rates = growthAxis === null ? input.growthByYear : new Array<D>(input.years).fill(valueOn(growthAxis, i, j));
    return growthToPeriod(rates, input.step, indexAt(grid, input), factors);
  });
  const start = plane<D>([startAxis], nx, (i, j) => {
    if (startAxis !== null) {
      return valueOn(startAxis, i, j);
    }
    const { base } = grid.first;
    return base.kind === 'tvl' ? base.tvl : base.marketCap;
  });
  return growthAxis !== null && growthOnYears !== null
    ? compoundAlongYears(growthAxis, yearsAxis!, start(0, 0), valueOn, factors)
    : plane<D>([startAxis, growthAxis, growthOnYears], nx, (i, j) => compoundToPeriod(start(i, j), growth(i, j)));
}

/** The utilization of every cell of a market-cap grid: the axis value, or the case's ramp at the cell's period. */
function utilizationPlane(grid: Grid): (i: number, j: number) => D {
  const { utilizationAxis, valueOn, inputAt } = grid;
  return plane<D>([utilizationAxis, grid.yearsAxis], grid.nx, (i, j) => {
    const input = inputAt(i, j);
    let ramp: UtilizationRamp;
    if (utilizationAxis !== null) {
      const value = valueOn(utilizationAxis, i, j);
      ramp = { from: value, to: value };
    } else {
      // A market-cap case, like the first (only years differs between inputs).
      ramp = (input.base as Extract<TvlInput['base'], { kind: 'marketCap' }>).utilization;
    }
    return utilizationAtPeriod(ramp, indexAt(grid, input), input.years * grid.perYear);
  });
}

/** The rows of the grid, one per y value, each the cell's value at every x value, computed as they are read. */
function* gridRows(grid: Grid, cell: (i: number, j: number) => D): Generator<D[], void, undefined> {
  for (let j = 0; j < grid.ny; j += 1) {
    const row = new Array<D>(grid.nx);
    for (let i = 0; i < grid.nx; i += 1) {
      row[i] = cell(i, j);
    }
    yield row;
  }
}

/**
 * The amounts of a growth x years grid at each cell's last period (a year end): start times the
 * whole-year product at the cell's rate, exactly as walkPath computes it. Each rate keeps the
 * products of every year reached so far, so a cell of a horizon already reached is a lookup and a
 * longer one continues from the longest: at most one multiplication per rate and year of the
 * grid, however the years axis is ordered (0, 200, 0, 200, ... used to start over at every other cell).
 */
function compoundAlongYears(
  growthAxis: AxisName,
  yearsAxis: AxisName,
  start: D,
  valueOn: (axis: AxisName, i: number, j: number) => D,
  factors: Factors,
): (i: number, j: number) => D {
  const paths = new Map<number, { rate: D; product: Fixed; amounts: D[] }>();
  const first = fixedOf(start);
  return (i, j) => {
    const index = growthAxis === 'x' ? i : j;
    const years = valueOn(yearsAxis, i, j).toNumber();
    let path = paths.get(index);
    if (path === undefined) {
      const product = fixedOf(new P(1));
      path = { rate: valueOn(growthAxis, i, j), product, amounts: [decimalOf(atYearEnd(first, product))] };
      paths.set(index, path);
    }
    const { amounts } = path;
    while (amounts.length <= years) {
      path.product = nextYearProduct(path.product, path.rate, factors);
      amounts.push(decimalOf(atYearEnd(first, path.product)));
    }
    return amounts[years]!;
  };
}

/**
 * A quantity over the grid that depends on the axes listed (null entries ignored): computed
 * once if on neither, once per x (up front) if on x only, once per row if on y only, and per
 * cell if on both. Rows must be read in order.
 */
function plane<T>(axes: readonly (AxisName | null)[], nx: number, compute: (i: number, j: number) => T): (i: number, j: number) => T {
  const onX = axes.includes('x');
  const onY = axes.includes('y');
  if (onX && onY) {
    return compute;
  }
  if (onX) {
    const values = Array.from({ length: nx }, (_, i) => compute(i, 0));
    return (i) => values[i]!;
  }
  if (onY) {
    let row = -1;
    let value: T;
    return (_, j) => {
      if (j !== row) {
        value = compute(0, j);
        row = j;
      }
      return value;
    };
  }
  const value = compute(0, 0);
  return () => value;
}
