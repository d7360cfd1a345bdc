import type { InputIssue } from '../core/inputIssue.js';

/** Invalid input files or flag values: every issue found, each to be shown with its place. Exit 2. */
export class InputError extends Error {
  constructor(readonly issues: readonly InputIssue[]) {
    super(issues.map((issue) => issue.message).join('; '));
    this.name = 'InputError';
  }
}

/** A command used the wrong way (an unknown scenario name, a bad option value): one line and a hint. Exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint: string | null = null,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
