/**
 * Line colours, told apart by most readers with a colour vision deficiency (Okabe and Ito's
 * palette, without its yellow, which is too light on white), then a dark grey.
 */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#444444'] as const;

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

/** Reference lines and targets: a grey that reads on white and on a dark page. */
export const REFERENCE_COLOUR = '#777777';
export const AXIS_COLOUR = '#888888';
export const GRID_COLOUR = '#e3e3e3';
export const MUTED_TEXT = '#555555';
