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

/** Issues grouped by file (in the order the files came) and, within a file, by place. */
export function sortIssues(issues: readonly ScenarioIssue[]): ScenarioIssue[] {
  const fileOrder = new Map<string, number>();
  for (const issue of issues) {
    if (!fileOrder.has(issue.file)) {
      fileOrder.set(issue.file, fileOrder.size);
    }
  }
  const place = (issue: ScenarioIssue): [number, number, number] => [fileOrder.get(issue.file)!, issue.span?.line ?? 0, issue.span?.column ?? 0];
  return [...issues].sort((a, b) => {
    const [fa, la, ca] = place(a);
    const [fb, lb, cb] = place(b);
    return fa - fb || la - lb || ca - cb;
  });
}

/** Drops repeats of the same message at the same place (a flag's problem with every scenario it applies to). */
export function dedupeIssues(issues: readonly ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.file}:${issue.span?.line}:${issue.span?.column}:${issue.message}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
