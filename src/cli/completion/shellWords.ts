// Quoting shared by the completion scripts. Command names, flags and choices are written into
// the scripts bare, so they must be plain words; descriptions are quoted.

const PLAIN = /^[\w.,:%+@/=-]+$/;

/** A word written bare into a script: a command, a flag, a choice. Anything else is a bug of btcfi's. */
export function plainWord(word: string): string {
  if (!PLAIN.test(word)) {
    throw new Error(`completion: ${JSON.stringify(word)} cannot be written into a completion script`);
  }
  return word;
}

/** Scenario names as bare words: any file name that is not a plain word is left out. */
export function plainWords(words: readonly string[]): string[] {
  return words.filter((word) => PLAIN.test(word));
}

/** `'text'` for bash, zsh and POSIX shells. */
export function singleQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The name of a shell function or variable for the program: `btcfi` stays `btcfi`. */
export function identifier(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}
