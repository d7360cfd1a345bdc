import type { D } from '../../engine/decimal.js';

/** A labelled horizontal line across a chart: a reference level or a target. */
export interface SvgLine {
  readonly label: string;
  readonly value: D;
}

export interface SvgOptions {
  /** Locale of the figures in labels (default en-US). */
  readonly locale?: string;
  /** A log scale for the figures (when every figure is above zero; otherwise linear, with a note). */
  readonly log?: boolean;
  /** Width in pixels (default 720). */
  readonly width?: number;
  /** Horizontal lines drawn besides the cases' targets, each labelled. */
  readonly references?: readonly SvgLine[];
}

export const DEFAULT_WIDTH = 720;
