"""Synthetic befolkning-etter-kjonn-og-alder, dode, fodte and befolkningsframskrivninger."""
import math

from geo import DISTRICTS, rng


def _age_weight(age):
    # A young-adult-heavy city profile, thinning out after 80.
    if age <= 19:
        w = 1.0 - 0.02 * age
    elif age <= 39:
        w = 1.6 - 0.02 * abs(age - 30)
    elif age <= 79:
        w = 1.2 - 0.015 * (age - 40)
    else:
        w = max(0.0, 0.6 * math.exp(-(age - 80) / 6.0))
    return max(w, 0.0)


def befolkning(years):
    r = rng("befolkning-etter-kjonn-og-alder")
    header = ["aar", "delbydel_id", "delbydel_navn", "bydel_id", "bydel_navn", "kjonn"] + [str(a) for a in range(121)]
    rows = []
    for year in years:
        growth = 1.0 + 0.012 * (year - years[0])
        for bydel_id, bydel_navn, subs in DISTRICTS:
            for delbydel_id, delbydel_navn, weight in subs:
                for kjonn in (1, 2):
                    ages = []
                    for a in range(121):
                        base = 150 * weight * growth * _age_weight(a)
                        if a > 105:
                            base = 0
                        ages.append(int(round(base * r.uniform(0.8, 1.2))))
                    rows.append([year, delbydel_id, delbydel_navn, bydel_id, bydel_navn, kjonn] + ages)
    return header, rows


def vital(kind, years):
    """kind 'dode' or 'fodte'."""
    r = rng(kind)
    column = "antall_dode" if kind == "dode" else "antall_fodte"
    base = 45 if kind == "dode" else 110
    header = ["aar", "bydel_id", "bydel_navn", "delbydel_id", "delbydel_navn", column]
    rows = []
    for year in years:
        for bydel_id, bydel_navn, subs in DISTRICTS:
            for delbydel_id, delbydel_navn, weight in subs:
                rows.append([year, bydel_id, bydel_navn, delbydel_id, delbydel_navn, int(round(base * weight * r.uniform(0.8, 1.2)))])
    return header, rows


def framskrivninger(years):
    r = rng("befolkningsframskrivninger")
    header = ["aar", "bydel_id", "bydel_navn"] + [str(a) for a in range(100)]
    rows = []
    for year in years:
        growth = 1.0 + 0.01 * (year - years[0])
        for bydel_id, bydel_navn, subs in DISTRICTS:
            if bydel_id == "99":
                continue
            weight = sum(w for _, _, w in subs)
            rows.append([year, bydel_id, bydel_navn] + [int(round(300 * weight * growth * _age_weight(a) * r.uniform(0.9, 1.1))) for a in range(100)])
    return header, rows
