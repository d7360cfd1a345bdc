/** Where an issue sits in a source text: 1-based line and column, and the text of that line. */
export interface SourceSpan {
  readonly line: number;
  readonly column: number;
  /** How many characters of lineText from column on to underline; at least 1. */
  readonly length: number;
  readonly lineText: string;
}

/** One problem with the input, as data: the CLI decides how to show it. */
export interface ScenarioIssue {
  /** The file as the user named it, `<stdin>`, or a flag such as `--growth`. */
  readonly file: string;
  readonly span: SourceSpan | null;
  readonly message: string;
  readonly hint: string | null;
}
