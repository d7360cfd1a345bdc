import { P, type D } from '../engine/decimal.js';
import type { Distribution } from '../engine/distribution.js';
import { scaleDistribution } from '../engine/scaleDistribution.js';
import type { Unit } from '../core/unit.js';
import { quoted } from '../core/visibleText.js';
import type { Amount } from './parseAmount.js';
import type { Issuance } from './marketFields.js';
import type { CaseFields, GrowthField } from './schema.js';

// What `price:` and `supply:` mean for a case: a market cap of price × supply, a supply implied
// by the TVL's share of it, and the price that turns the TVL into the other unit.

export type PriceField = NonNullable<CaseFields['price']>;
export type SupplyField = NonNullable<CaseFields['supply']>;

/** A field as merged from the layers: its value and the layer that set it (rank: file 0, case 1, flags 2). */
export interface Placed<T> {
  readonly value: T;
  readonly layer: { readonly rank: number };
}

/** Reports a problem at a field of a layer. */
export type At<L> = (layer: L, key: keyof CaseFields, message: string, hint?: string | null) => void;

export function priceParts(price: PriceField): { readonly amount: Amount; readonly growth: GrowthField | undefined } {
  return 'marker' in price ? { amount: price, growth: undefined } : { amount: price.value, growth: price.growth };
}

export function supplyParts(supply: SupplyField): { readonly amount: Amount | null; readonly issuance: Issuance | null; readonly share: D | null } {
  if ('marker' in supply) {
    return { amount: supply, issuance: null, share: null };
  }
  return { amount: supply.value ?? null, issuance: supply.issuance ?? null, share: supply.share?.value ?? null };
}

/** Whether a supply is stated as the TVL's share of it rather than as an amount. */
export function isSupplyShare(supply: SupplyField | undefined): boolean {
  return supply !== undefined && supplyParts(supply).share !== null;
}

/** The market cap of a price × supply scenario, and what its growth is made of. */
export interface DerivedMarketCap {
  /** price × supply in dollars, the supply itself in bitcoin. */
  readonly marketCap: D;
  /** The price's range times the supply (in dollars), or null when exact. */
  readonly distribution: Distribution | null;
  /** 1 + the supply's issuance a year: each year's 1 + growth of the market cap is (1 + the price's growth) times it (in bitcoin, it alone). */
  readonly issuanceFactor: D;
}

/** The dollar market cap price × supply, or the supply itself in bitcoin; with the issuance as a factor a year. */
export function deriveMarketCap(unit: Unit, price: Amount | null, supply: Amount, issuance: Issuance | null): DerivedMarketCap {
  const rate = issuance === null ? new P(0) : issuance.kind === 'rate' ? issuance.value : supply.value.isZero() ? new P(0) : new P(issuance.value).div(supply.value);
  const issuanceFactor = new P(rate).plus(1);
  if (unit === 'BTC') {
    return { marketCap: supply.value, distribution: null, issuanceFactor };
  }
  const marketCap = new P(price!.value).times(supply.value);
  const distribution = price!.distribution === undefined ? null : scaleDistribution(price!.distribution, supply.value, 'value');
  return { marketCap, distribution, issuanceFactor };
}

/** Each year's growth of a market cap of price × supply: (1 + g) × (1 + issuance) - 1, the same object for the same rate. */
export function withIssuance(growthByYear: readonly D[], factor: D): D[] {
  if (factor.eq(1)) {
    return [...growthByYear];
  }
  const made = new Map<D, D>();
  return growthByYear.map((rate) => {
    let combined = made.get(rate);
    if (combined === undefined) {
      combined = new P(rate).plus(1).times(factor).minus(1);
      made.set(rate, combined);
    }
    return combined;
  });
}

/** The unit markers price and supply may carry: a price is in dollars, a supply and its issuance in bitcoin. */
export function marketMarkerProblems(fields: CaseFields): { readonly key: 'price' | 'supply'; readonly message: string; readonly hint: string }[] {
  const problems: { key: 'price' | 'supply'; message: string; hint: string }[] = [];
  if (fields.price !== undefined) {
    const { amount } = priceParts(fields.price);
    if (amount.marker === 'BTC') {
      problems.push({ key: 'price', message: `${quoted(amount.text)} is in BTC, but a price is dollars per bitcoin`, hint: 'write the price in dollars: 100K or $100,000' });
    }
  }
  if (fields.supply !== undefined) {
    const { amount, issuance } = supplyParts(fields.supply);
    for (const figure of [amount, issuance?.kind === 'amount' ? issuance : null]) {
      if (figure?.marker === 'USD') {
        problems.push({ key: 'supply', message: `${quoted(figure.text)} is in dollars, but a supply is counted in bitcoin`, hint: 'write it in bitcoin: 19.85M BTC' });
      }
    }
  }
  return problems;
}
