"""Synthetic published-shape inputs for the remaining datasets."""
from geo import DISTRICTS, rng

SUB = [(b, bn, d, dn, w) for b, bn, subs in DISTRICTS for d, dn, w in subs]
REAL_DISTRICTS = [(b, bn, subs) for b, bn, subs in DISTRICTS if b not in ("16", "17", "99")]


def _geo_delbydel_first(b, bn, d, dn):
    return [d, dn, b, bn]


def _geo_bydel_first(b, bn, d, dn):
    return [b, bn, d, dn]


def sub_district_counts(name, years, columns, base, order="bydel_first", decimals=None, skip=None):
    """One row per sub-district and year; counts `base[i] * weight * noise`."""
    r = rng(name)
    geo = ["delbydel_id", "delbydel_navn", "bydel_id", "bydel_navn"] if order == "delbydel_first" else ["bydel_id", "bydel_navn", "delbydel_id", "delbydel_navn"]
    header = ["aar"] + geo + columns
    rows = []
    for year in years:
        growth = 1.0 + 0.015 * (year - years[0])
        for b, bn, d, dn, w in SUB:
            if skip and skip(year, b, d):
                continue
            g = _geo_delbydel_first(b, bn, d, dn) if order == "delbydel_first" else _geo_bydel_first(b, bn, d, dn)
            vals = []
            for x in base:
                v = x * w * growth * r.uniform(0.8, 1.2)
                vals.append(round(v, decimals) if decimals else int(round(v)))
            rows.append([year] + g + vals)
    return header, rows


def pre_aggregated(name, years, make, order="bydel_first", oslo_id="00", oslo_rows=True, blank=None, places=None):
    """Sub-district, district and Oslo rows, values from make(r, level, weight) -> list.
    `blank(year, b, d)` -> True leaves the value cells empty (suppressed)."""
    r = rng(name)
    rows = []
    for year in years:
        for b, bn, subs in DISTRICTS:
            if places is not None and b not in places:
                continue
            for d, dn, w in subs:
                vals = make(r, "delbydel", w, year)
                if blank and blank(year, b, d):
                    vals = ["" for _ in vals]
                rows.append([year] + (_geo_bydel_first(b, bn, d, dn) if order == "bydel_first" else _geo_delbydel_first(b, bn, d, dn)) + vals)
            vals = make(r, "bydel", sum(w for _, _, w in subs), year)
            if blank and blank(year, b, None):
                vals = ["" for _ in vals]
            rows.append([year] + (_geo_bydel_first(b, bn, "", "") if order == "bydel_first" else _geo_delbydel_first(b, bn, "", "")) + vals)
        if oslo_rows:
            oslo_name = "Oslo i alt"
            vals = make(r, "oslo", 5.0, year)
            rows.append([year] + (_geo_bydel_first(oslo_id, oslo_name, "", "") if order == "bydel_first" else _geo_delbydel_first(oslo_id, oslo_name, "", "")) + vals)
    return rows


def pct(r, lo, hi):
    return round(r.uniform(lo, hi), 1)
