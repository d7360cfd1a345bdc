import { closest, distance } from 'fastest-levenshtein';

/** The known word nearest to a misspelt one, when it is near enough to be a likely typo. */
export function suggest(word: string, known: readonly string[]): string | null {
  if (known.length === 0) {
    return null;
  }
  const nearest = closest(word.toLowerCase(), [...known]);
  return distance(word.toLowerCase(), nearest) <= Math.max(2, Math.floor(nearest.length / 3)) ? nearest : null;
}
