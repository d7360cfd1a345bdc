/** viridis, from dark blue (low) to yellow (high): even in lightness, and readable in grey. */
const STOPS = [
  [0x44, 0x01, 0x54],
  [0x48, 0x28, 0x78],
  [0x3e, 0x49, 0x89],
  [0x31, 0x68, 0x8e],
  [0x26, 0x82, 0x8e],
  [0x1f, 0x9e, 0x89],
  [0x35, 0xb7, 0x79],
  [0x6e, 0xce, 0x58],
  [0xb5, 0xde, 0x2b],
  [0xfd, 0xe7, 0x25],
] as const;

/** The colour at `t` (0 low to 1 high, clamped) as #rrggbb, interpolated between the stops. */
export function heatColour(t: number): string {
  const at = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(at));
  const f = at - i;
  const [a, b] = [STOPS[i]!, STOPS[i + 1]!];
  return `#${[0, 1, 2].map((c) => Math.round(a[c]! + (b[c]! - a[c]!) * f).toString(16).padStart(2, '0')).join('')}`;
}

/** Dark text on the light end of the scale, light text on the dark end. */
export function textOn(t: number): string {
  return t > 0.55 ? '#111111' : '#ffffff';
}
