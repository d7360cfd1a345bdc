#!/usr/bin/env python3
"""The work of `btcfi project DIR --format csv -o OUT` in CPython's decimal module, for bench/project/run.mjs.

Reads the bench's scenario files (JSON, only the fields the bench writes: name, start, years,
step, tvl or market_cap with utilization (a figure or {from, to}), growth (one rate) and cases)
in file-name order, and writes the same CSV bytes btcfi writes: the same model at 60 significant
digits (year factors 1 + g, part-year factors (1 + g)^(j/n) computed once per rate and step at 70
digits), each figure rounded once, half to even, to 40 significant digits. The change of a period
is its growth factor less 1, or with a utilization ramp (tvl - previous tvl) / previous tvl, the
difference exact and the quotient rounded once; the columns btcfi
writes empty for these scenarios (targets, percentiles) are written empty.

Usage: python3 bench/project/project.py DIR OUT
"""
import decimal
import json
import os
import sys
from decimal import Decimal

P = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_EVEN, Emax=999999, Emin=-999999)
WIDE = decimal.Context(prec=70, rounding=decimal.ROUND_HALF_EVEN, Emax=999999, Emin=-999999)
# Wide enough for the difference of two figures of 60 digits, exactly.
EXACT = decimal.Context(prec=400, rounding=decimal.ROUND_HALF_EVEN, Emax=999999, Emin=-999999)
PRINTED = decimal.Context(prec=40, rounding=decimal.ROUND_HALF_EVEN, Emax=999999, Emin=-999999)
PER_YEAR = {"year": 1, "quarter": 4, "month": 12}
SUFFIX = {"K": 3, "M": 6, "B": 9, "T": 12}


def amount(text):
    text = str(text).strip().lstrip("$").replace(",", "")
    if text[-1:].upper() in SUFFIX:
        return Decimal(text[:-1]).scaleb(SUFFIX[text[-1].upper()])
    return Decimal(text)


def rate(text):
    text = str(text).strip()
    return Decimal(text[:-1]).scaleb(-2) if text.endswith("%") else Decimal(text)


def figure(value):
    if value is None:
        return ""
    if not value:
        return "0"
    return format(PRINTED.plus(value).normalize(PRINTED), "f")


def label(start, step, year, sub):
    y = str(start + year) if start is not None else "%d" % year
    if step == "year":
        return y
    if step == "quarter":
        return "%s-Q%d" % (y, sub + 1)
    return "%s-%02d" % (y, sub + 1)


year_factors = {}
part_factors = {}


def part_factor(g, sub, per_year):
    key = (g, per_year)
    row = part_factors.get(key)
    if row is None:
        base = year_factors.setdefault(g, P.add(1, g))
        row = [None] + [P.plus(WIDE.power(base, WIDE.divide(Decimal(j), Decimal(per_year)))) for j in range(1, per_year)]
        part_factors[key] = row
    return row[sub]


def rows(name, case, c):
    start, years, step = c.get("start"), int(c.get("years", 0)), c.get("step", "year")
    per_year = PER_YEAR[step]
    periods = years * per_year
    g = rate(c.get("growth", "0%"))
    market = "market_cap" in c
    first = amount(c["market_cap"] if market else c["tvl"])
    ramp = False
    if market:
        u = c["utilization"]
        u_from, u_to = (rate(u["from"]), rate(u["to"])) if isinstance(u, dict) else (rate(u), rate(u))
        ramp = u_from != u_to and periods > 0
        numerator = P.multiply(u_from, periods)
        step_u = P.subtract(u_to, u_from)
    prefix = "%s,%s," % (name, case)
    unit = c.get("unit", "USD")
    factor = year_factors.setdefault(g, P.add(1, g))
    # The change of a period at a growth rate: one value for the whole path.
    rate_change = figure(P.subtract(factor if per_year == 1 else part_factor(g, 1, per_year), 1))
    previous = None
    product = Decimal(1)
    year_end = P.multiply(first, product)
    out = []
    for index in range(periods + 1):
        year, sub = divmod(index, per_year)
        if sub == 0 and year > 0:
            product = P.multiply(product, factor)
            year_end = P.multiply(first, product)
        value = year_end if sub == 0 else P.multiply(year_end, part_factor(g, sub, per_year))
        if market:
            if ramp:
                if index > 0:
                    numerator = P.add(numerator, step_u)
                utilization = u_from if index == 0 else u_to if index == periods else P.divide(numerator, periods)
            else:
                utilization = u_from
            tvl = P.multiply(value, utilization)
        else:
            tvl = value
        if previous is None or not previous:
            change = ""
        elif ramp:
            change = figure(P.divide(EXACT.subtract(tvl, previous), previous))
        else:
            change = rate_change
        if market:
            out.append("%s%s,%d,%s,%s,%s,%s,%s%s" % (prefix, label(start, step, year, sub), index, unit, figure(value), figure(utilization), figure(tvl), change, EMPTY))
        else:
            out.append("%s%s,%d,%s,,,%s,%s%s" % (prefix, label(start, step, year, sub), index, unit, figure(value), change, EMPTY))
        previous = tvl
    return "".join(out)


HEADER = "scenario,case,period,index,unit,market_cap,utilization,tvl,change,target,target_reached,growth_needed,utilization_needed,mean,p5,p25,p50,p75,p95,target_probability,price,supply,tvl_usd,tvl_btc\r\n"
# The target, percentile, price and supply columns, empty for these scenarios, and the end of the row.
EMPTY = "," * 15 + "\r\n"


def main():
    folder, output = sys.argv[1], sys.argv[2]
    with open(output, "w", newline="") as out:
        out.write(HEADER)
        for file in sorted(f for f in os.listdir(folder) if f.endswith(".json")):
            with open(os.path.join(folder, file)) as f:
                scenario = json.load(f)
            cases = scenario.pop("cases", None)
            name = scenario["name"]
            if not cases:
                out.write(rows(name, "", scenario))
            else:
                for case, overrides in cases.items():
                    out.write(rows(name, case, {**scenario, **overrides}))


main()
