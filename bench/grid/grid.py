#!/usr/bin/env python3
"""The benchmark grid of bench/grid/run.mjs, computed with Python's decimal module and written
with its csv module: the same cells btcfi computes, in the same bytes.

    python3 bench/grid/grid.py OUT.csv

Market cap 1B..1000B in steps of 1B across, utilization 0.01%..10% in steps of 0.01% down,
growing 10% a year for 5 years; each cell the TVL in the last year. Like btcfi: 40 significant
digits, half-even rounding, each market cap grown year by year, then times the utilization;
figures plain (no exponent, trailing zeros trimmed); CRLF line ends; header cell y\\x.
"""
import csv
import sys
from decimal import ROUND_HALF_EVEN, Context, Decimal, setcontext

setcontext(Context(prec=40, rounding=ROUND_HALF_EVEN))

BILLION = Decimal("1e9")
GROWTH = Decimal("0.1")
YEARS = 5


def plain(value: Decimal) -> str:
    """A figure as btcfi writes it: never an exponent, no trailing zeros, 0 for zero."""
    return "0" if value.is_zero() else format(value.normalize(), "f")


def main() -> None:
    out_path = sys.argv[1]
    market_caps = [Decimal(k) * BILLION for k in range(1, 1001)]
    utilizations = [Decimal(k) * Decimal("0.0001") for k in range(1, 1001)]
    factor = Decimal(1) + GROWTH
    grown = []
    for market_cap in market_caps:
        amount = market_cap
        for _ in range(YEARS):
            amount = amount * factor
        grown.append(amount)

    with open(out_path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)  # the default dialect: minimal quoting, CRLF
        writer.writerow(["y\\x"] + [plain(m) for m in market_caps])
        for utilization in utilizations:
            writer.writerow([plain(utilization)] + [plain(amount * utilization) for amount in grown])


if __name__ == "__main__":
    main()
