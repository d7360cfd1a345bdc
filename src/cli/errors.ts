export { InputError } from '../core/inputIssue.js';

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
