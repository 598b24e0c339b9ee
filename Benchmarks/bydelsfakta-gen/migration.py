"""Synthetic flytting-{til,fra}-etter-alder and -etter-inn-kat in the published shape."""
from geo import DISTRICTS, AGE_GROUPS_5, AGE_PROFILE_5, IMMIGRATION_CATEGORIES, rng, district_weight


def _count(r, base, age_index, bydel):
    scale = {"16": 0.12, "17": 0.02, "99": 0.03}.get(bydel, 1.0)
    v = base * AGE_PROFILE_5[age_index] * scale * r.uniform(0.7, 1.3)
    return int(round(v))


def by_age(direction, years):
    """direction 'til' (innflytting) or 'fra' (utflytting)."""
    r = rng("flytting-%s-etter-alder" % direction)
    if direction == "til":
        header = ["aar", "bydel_id", "bydel_navn", "aldersgruppe_5_aar",
                  "innflytting_til_oslo", "innflytting_innenfor_bydelen", "innflytting_mellom_bydeler"]
    else:
        header = ["aar", "bydel_id", "bydel_navn", "aldersgruppe_5_aar",
                  "utflytting_fra_oslo", "utflytting_innenfor_bydelen", "utflytting_mellom_bydeler"]
    rows = []
    for year in years:
        for bydel_id, bydel_navn, _ in DISTRICTS:
            for i, age in enumerate(AGE_GROUPS_5):
                # Sparse places: Marka has no moves above 79, none at all in the oldest group;
                # Uten registrert adresse only 20-64.
                if bydel_id == "17" and i >= 16:
                    continue
                if bydel_id == "99" and not (4 <= i <= 12):
                    continue
                # One gap in one direction only: Sentrum's 85-89 moves in are absent in the
                # first year (an inner merge drops that age group there).
                if direction == "til" and bydel_id == "16" and i == 17 and year == years[0]:
                    continue
                rows.append([year, bydel_id, bydel_navn, age,
                             _count(r, 520, i, bydel_id), _count(r, 380, i, bydel_id), _count(r, 450, i, bydel_id)])
    return header, rows


def by_immigration_category(direction, years):
    r = rng("flytting-%s-etter-inn-kat" % direction)
    share = {"Innvandrer": 0.35, "Norskfødte med innv.foreldre": 0.08, "Øvrige": 0.57}
    if direction == "til":
        header = ["aar", "bydel_id", "bydel_navn", "aldersgruppe_5_aar", "innvandringskategori",
                  "innflytting_til_oslo", "innflytting_innenfor_bydelen", "innflytting_mellom_bydeler"]
    else:
        header = ["aar", "bydel_id", "bydel_navn", "aldersgruppe_5_aar", "innvandringskategori",
                  "utflytting_fra_oslo", "utflytting_innenfor_bydelen", "utflytting_mellom_bydeler"]
    rows = []
    for year in years:
        for bydel_id, bydel_navn, _ in DISTRICTS:
            if bydel_id == "99":
                continue
            for i, age in enumerate(AGE_GROUPS_5):
                if bydel_id == "17" and i >= 16:
                    continue
                for cat in IMMIGRATION_CATEGORIES:
                    # Real files leave out empty cells: Marka has no Norwegian-born with
                    # immigrant parents from 50 up.
                    if bydel_id == "17" and cat == "Norskfødte med innv.foreldre" and i >= 10:
                        continue
                    s = share[cat]
                    rows.append([year, bydel_id, bydel_navn, age, cat,
                                 _count(r, 520 * s, i, bydel_id), _count(r, 380 * s, i, bydel_id),
                                 _count(r, 450 * s, i, bydel_id)])
    return header, rows
