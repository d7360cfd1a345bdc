import { FIELD_STAND_INS } from './fieldTable.js';
import type { IssuePath } from './locate.js';

/**
 * Neutral stand-ins for fields that failed validation, so that the checks that need the whole
 * scenario (a unit marker, phases against years, tvl beside market_cap) still run and report
 * their problems in the same pass. A stand-in never causes an issue of its own: amounts carry
 * no unit marker, and a constant 0% growth has no phases to add up.
 */
const STAND_INS: Readonly<Record<string, unknown>> = { name: 'salvaged', ...FIELD_STAND_INS };

/**
 * The raw scenario data with every field that an issue points into replaced by its stand-in
 * (or dropped, for keys without one: unknown keys, texts, a bad case, a bad expectation).
 */
export function salvage(data: Record<string, unknown>, issues: readonly { readonly path: IssuePath; readonly meant?: string }[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...data };
  const cases = isRecord(copy['cases']) ? { ...copy['cases'] } : null;
  const badExpectations = new Set<number>();
  for (const { path, meant } of issues) {
    const [top, second, third] = path;
    // A misspelt key (utilisation) stands in for the key it meant, so that no check reports it missing.
    const typo = meant !== undefined && typoNeedsStandIn(meant, copy) ? meant : null;
    if (typo !== null && path.length === 1 && !(typo in copy)) {
      copy[typo] = STAND_INS[typo];
    }
    if (typo !== null && top === 'cases' && path.length === 3 && cases !== null && isRecord(cases[String(second)])) {
      cases[String(second)] = { [typo]: STAND_INS[typo], ...(cases[String(second)] as Record<string, unknown>) };
    }
    if (top === 'name') {
      copy['name'] = STAND_INS['name'];
    } else if (top === 'cases' && cases !== null && typeof second === 'string') {
      const fields = cases[second];
      if (third === undefined || !isRecord(fields)) {
        delete cases[second];
      } else {
        const replaced = { ...fields };
        replaceField(replaced, String(third));
        cases[second] = replaced;
      }
    } else if (top === 'cases') {
      delete copy['cases'];
    } else if (top === 'expect' && typeof second === 'number') {
      badExpectations.add(second);
    } else if (top === 'sweep' && path.length === 1 && isRecord(copy['sweep']) && Object.keys(copy['sweep']).length > 1) {
      // A sweep of several fields stands in as a sweep of its first.
      const [first] = Object.entries(copy['sweep']);
      copy['sweep'] = Object.fromEntries([first!]);
    } else if (top === 'sweep' && typeof third === 'number' && standInSweepValue(copy, String(second), third)) {
      // A bad value of a sweep stands in for itself, so the sweep's field is not reported missing.
    } else {
      replaceField(copy, String(top));
    }
  }
  if (cases !== null && 'cases' in copy) {
    copy['cases'] = cases;
  }
  if (Array.isArray(copy['expect'])) {
    copy['expect'] = copy['expect'].filter((_, index) => !badExpectations.has(index));
  } else if (badExpectations.size > 0 || 'expect' in copy) {
    delete copy['expect'];
  }
  if (copy['years'] === undefined && 'years' in data) {
    // years failed: let phases (if any) decide it, so they are not reported as not adding up.
    const growth = copy['growth'];
    copy['years'] = Array.isArray(growth) ? String(growth.reduce((sum: number, phase) => sum + Number(isRecord(phase) ? phase['years'] : 0), 0)) : '0';
  }
  return copy;
}

/** Puts the field's stand-in in place of a sweep's failed value; false when there is none. */
function standInSweepValue(copy: Record<string, unknown>, field: string, index: number): boolean {
  const sweep = copy['sweep'];
  const values = isRecord(sweep) ? sweep[field] : undefined;
  if (!Array.isArray(values) || !Object.hasOwn(STAND_INS, field) || field === 'name') {
    return false;
  }
  copy['sweep'] = { ...(sweep as Record<string, unknown>), [field]: values.map((value, at) => (at === index ? STAND_INS[field] : value)) };
  return true;
}

/** Puts the stand-in in place of a failed field, or removes a key that has none. */
function replaceField(fields: Record<string, unknown>, key: string): void {
  // Own keys only: an unknown key `constructor` or `toString` has no stand-in, and is dropped.
  if (Object.hasOwn(STAND_INS, key) && Object.hasOwn(fields, key)) {
    fields[key] = STAND_INS[key];
  } else {
    delete fields[key];
  }
}

/**
 * Whether leaving out the key a typo meant would itself be reported: a utilization beside a
 * market cap, a TVL or market cap where the scenario has neither, the name. Otherwise a
 * stand-in could only invent a problem.
 */
function typoNeedsStandIn(meant: string, base: Record<string, unknown>): boolean {
  switch (meant) {
    case 'utilization':
      return 'market_cap' in base;
    case 'tvl':
    case 'market_cap':
      return !('tvl' in base) && !('market_cap' in base);
    case 'name':
      return true;
    default:
      return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
