/** btcfi's exit codes, the same for every command. */
export const ExitCode = {
  /** Success. */
  ok: 0,
  /** The run worked and an expectation failed, like a test runner. */
  failed: 1,
  /** The input is wrong: a usage error or an invalid scenario. */
  badInput: 2,
  /** A bug in btcfi. */
  internal: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
