/**
 * Whether to colour a stream, decided once at start: an explicit --color or --no-color wins,
 * then FORCE_COLOR, then NO_COLOR (any non-empty value) and TERM=dumb, then whether the stream is a terminal.
 */
export function decideColor(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (flag !== undefined) {
    return flag;
  }
  const force = env['FORCE_COLOR'];
  if (force !== undefined) {
    return !['0', 'false'].includes(force.toLowerCase());
  }
  if ((env['NO_COLOR'] ?? '') !== '' || env['TERM'] === 'dumb') {
    return false;
  }
  return isTTY;
}
