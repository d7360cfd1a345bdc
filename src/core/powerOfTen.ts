const POWERS: bigint[] = [1n];

/** 10^k as a BigInt, for k of 0 or more: kept once computed. */
export function powerOfTen(k: number): bigint {
  while (POWERS.length <= k) {
    POWERS.push(POWERS.at(-1)! * 10n);
  }
  return POWERS[k]!;
}
