"""Geography and helpers shared by the synthetic published-shape generators."""
import csv
import io
import os
import random

OUT = os.environ.get("PUBLISHED_OUT", "/work/wt-csv/Fixtures/bydelsfakta/published")

# --full-size (build.py) sets BYDELSFAKTA_FULL_SIZE=1 before this module is imported: Oslo's
# 15 districts of 7 sub-districts each, plus Sentrum, Marka and no address, over 13 years.
FULL_SIZE = os.environ.get("BYDELSFAKTA_FULL_SIZE") == "1"

# bydel_id, bydel_navn, [(delbydel_id, delbydel_navn, weight)]
DISTRICTS = [
    ("01", "Bydel Gamle Oslo", [("0101", "Lodalen", 1.0), ("0102", "Grønland", 0.8)]),
    ("02", "Bydel Grünerløkka", [("0201", "Grünerløkka vest", 1.1), ("0202", "Grünerløkka øst", 0.9)]),
    ("16", "Sentrum", [("1601", "Sentrum", 0.08)]),
    ("17", "Marka", [("1701", "Marka", 0.03)]),
    ("99", "Uten registrert adresse", [("9999", "Uten registrert adresse", 0.02)]),
]

FULL_NAMES = ["Bydel Gamle Oslo", "Bydel Grünerløkka", "Bydel Sagene", "Bydel St. Hanshaugen", "Bydel Frogner",
              "Bydel Ullern", "Bydel Vestre Aker", "Bydel Nordre Aker", "Bydel Bjerke", "Bydel Grorud", "Bydel Stovner",
              "Bydel Alna", "Bydel Østensjø", "Bydel Nordstrand", "Bydel Søndre Nordstrand"]

if FULL_SIZE:
    DISTRICTS = [("%02d" % (i + 1), name, [("%02d%02d" % (i + 1, s + 1), "%s %d" % (name.replace("Bydel ", ""), s + 1),
                                            0.6 + 0.1 * ((i + s) % 7)) for s in range(7)])
                 for i, name in enumerate(FULL_NAMES)] + DISTRICTS[2:]


def years(first, last=2019):
    """`first..last`, or the 13 years up to `last` in full size."""
    return list(range(last - 12 if FULL_SIZE else first, last + 1))


def places(small):
    """The district ids of `small` (e.g. ["01", "02", "16"]); in full size every real district
    takes the place of 01 and 02."""
    if not FULL_SIZE:
        return small
    return ["%02d" % i for i in range(1, 16)] + [p for p in small if p not in ("01", "02")]


# Five-year age groups as the frontend's comboHistogram template parses them
# ("Under 5 år", "A - B år", "90 år og eldre").
AGE_GROUPS_5 = ["Under 5 år"] + ["%d - %d år" % (a, a + 4) for a in range(5, 90, 5)] + ["90 år og eldre"]

# Relative moving propensity per five-year group (peaks at 20-34).
AGE_PROFILE_5 = [0.55, 0.30, 0.20, 0.30, 1.00, 1.30, 0.95, 0.60, 0.40, 0.30, 0.25, 0.20,
                 0.15, 0.12, 0.10, 0.08, 0.07, 0.06, 0.05]

IMMIGRATION_CATEGORIES = ["Innvandrer", "Norskfødte med innv.foreldre", "Øvrige"]


def rng(name):
    return random.Random("bydelsfakta-published-" + name)


def district_weight(bydel):
    for bydel_id, _, subs in DISTRICTS:
        if bydel_id == bydel:
            return sum(w for _, _, w in subs)
    raise KeyError(bydel)


def write(function, dataset, header, rows):
    folder = os.path.join(OUT, function)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "input_%s.csv" % dataset)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    return path
