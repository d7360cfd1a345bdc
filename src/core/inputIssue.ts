/** Where an issue sits in a source text: 1-based line and column, and the text of that line. */
export interface SourceSpan {
  readonly line: number;
  readonly column: number;
  /** How many characters of lineText from column on to underline; at least 1. */
  readonly length: number;
  readonly lineText: string;
}

/** One problem with the input, as data: the CLI decides how to show it. */
export interface InputIssue {
  /** The file as the user named it, `<stdin>`, or a flag such as `--growth`. */
  readonly file: string;
  readonly span: SourceSpan | null;
  readonly message: string;
  readonly hint: string | null;
}

/** Invalid input files or flag values: every issue found, each to be shown with its place. Exit 2. */
export class InputError extends Error {
  constructor(readonly issues: readonly InputIssue[]) {
    super(issues.map((issue) => issue.message).join('; '));
    this.name = 'InputError';
  }
}

/** Issues grouped by file (in the order the files came) and, within a file, by place. */
export function sortIssues(issues: readonly InputIssue[]): InputIssue[] {
  const fileOrder = new Map<string, number>();
  for (const issue of issues) {
    if (!fileOrder.has(issue.file)) {
      fileOrder.set(issue.file, fileOrder.size);
    }
  }
  const place = (issue: InputIssue): [number, number, number] => [fileOrder.get(issue.file)!, issue.span?.line ?? 0, issue.span?.column ?? 0];
  return [...issues].sort((a, b) => {
    const [fa, la, ca] = place(a);
    const [fb, lb, cb] = place(b);
    return fa - fb || la - lb || ca - cb;
  });
}

/** Drops repeats of the same message at the same place (a flag's problem with every scenario it applies to). */
export function dedupeIssues(issues: readonly InputIssue[]): InputIssue[] {
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

/** Issues shown for one file; past this, one more issue says how many were left out. */
export const MAX_ISSUES_PER_FILE = 100;

/**
 * The first MAX_ISSUES_PER_FILE issues of each file (already in order), and for a file with
 * more, one issue at the place of the next saying how many more there are: a file of thousands
 * of unknown keys gives a screenful, not thousands of them.
 */
export function capIssues(issues: readonly InputIssue[]): InputIssue[] {
  const totals = new Map<string, number>();
  for (const issue of issues) {
    totals.set(issue.file, (totals.get(issue.file) ?? 0) + 1);
  }
  const shown = new Map<string, number>();
  const capped: InputIssue[] = [];
  for (const issue of issues) {
    const count = (shown.get(issue.file) ?? 0) + 1;
    shown.set(issue.file, count);
    if (count <= MAX_ISSUES_PER_FILE) {
      capped.push(issue);
    } else if (count === MAX_ISSUES_PER_FILE + 1) {
      const more = totals.get(issue.file)! - MAX_ISSUES_PER_FILE;
      capped.push({ ...issue, message: `${more.toLocaleString('en-US')} more ${more === 1 ? 'problem' : 'problems'} from here on ${more === 1 ? 'is' : 'are'} not shown`, hint: 'fix the problems above and run again' });
    }
  }
  return capped;
}
