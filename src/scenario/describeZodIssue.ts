import type * as z from 'zod/mini';
import { suggest } from '../core/suggest.js';
import type { IssuePath } from './locate.js';
import { quoted } from '../core/visibleText.js';

/** A zod issue in btcfi's words: where it points, what it says, and a hint when there is one. */
export interface DescribedIssue {
  readonly path: IssuePath;
  /** True when the issue is about the key at path rather than its value. */
  readonly atKey: boolean;
  readonly message: string;
  readonly hint: string | null;
  /** For an unknown key that looks like a typo: the key it was probably meant to be. */
  readonly meant?: string;
}

type ZodIssue = z.core.$ZodIssue;

/** The dotted name of a field, as a user would write it: `cases.bull.growth`, `growth[1].rate`. */
export function fieldLabel(path: IssuePath): string {
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

type KnownKeys = (path: IssuePath) => readonly string[];
type Label = (path: IssuePath) => string;

/** `label` names a field in messages: `growth` for a file, nothing for a flag that is named already. */
export function describeZodIssue(issue: ZodIssue, knownKeys: KnownKeys, label: Label = fieldLabel): DescribedIssue[] {
  return describe(issue, [], knownKeys, label).map((d) => ({ ...d, message: d.message.trim() }));
}

function describe(issue: ZodIssue, prefix: IssuePath, knownKeys: KnownKeys, labelOf: Label): DescribedIssue[] {
  const path = [...prefix, ...issue.path];
  const label = labelOf(path);
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && 'input' in issue && issue.input === undefined) {
    return [{ path, atKey: false, message: `missing required key ${quoted(label)}`, hint: null }];
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const near = suggest(key, knownKeys(path));
        return {
          path: [...path, key],
          atKey: true,
          ...(near !== null ? { meant: near } : {}),
          message: `unknown key ${quoted(key)}${path.length > 0 ? ` in ${label}` : ''}`,
          hint: near !== null ? `did you mean ${quoted(near)}?` : `the keys here are: ${knownKeys(path).join(', ')}`,
        };
      });
    case 'invalid_union': {
      // When a value has the right shape for one branch but fails inside it, that failure is the useful one.
      const branch = issue.errors.find((issues) => !issues.every(isShapeMismatch));
      if (branch !== undefined) {
        return branch.flatMap((sub) => describe(sub, path, knownKeys, labelOf));
      }
      return [{ path, atKey: false, message: joinLabel(label, issue.message), hint: null }];
    }
    case 'invalid_key':
      return issue.issues.map((sub) => ({ path, atKey: true, message: `${label}: ${sub.message}`, hint: null }));
    case 'invalid_type':
      return [{ path, atKey: false, message: joinLabel(label, issue.message), hint: null }];
    default: {
      const hint = (issue as { params?: { hint?: unknown } }).params?.hint;
      return [{ path, atKey: false, message: joinLabel(label, issue.message), hint: typeof hint === 'string' ? hint : null }];
    }
  }
}

/** `growth must be ...` reads as a sentence; other messages follow the field after a colon. */
function joinLabel(label: string, message: string): string {
  if (label === '') {
    return message;
  }
  return /^(must|is|are|needs|would) /.test(message) ? `${label} ${message}` : `${label}: ${message}`;
}

function isShapeMismatch(issue: ZodIssue): boolean {
  if (issue.code === 'invalid_type') {
    return issue.path.length === 0;
  }
  if (issue.code === 'invalid_union') {
    return issue.path.length === 0 && issue.errors.every((issues) => issues.every(isShapeMismatch));
  }
  return false;
}
