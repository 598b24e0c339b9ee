"""Published-shape synthetic inputs, one function per dataset id."""
from geo import DISTRICTS, FULL_SIZE, rng, years as year_range, places as place_ids
from others import SUB, sub_district_counts, pre_aggregated, pct

GEO_B = ["bydel_id", "bydel_navn", "delbydel_id", "delbydel_navn"]
GEO_D = ["delbydel_id", "delbydel_navn", "bydel_id", "bydel_navn"]
YEARS = year_range(2015)


def no_address(year, b, d):
    return b == "99"


def boligpriser(years=YEARS):
    """Number forms as csvlt's boligpriser test files: district and Oslo rows as floats with .0
    (`1153.0;…;26296.0`), sub-district prices as unrounded means (`25550.22893203883`)."""
    def make(r, level, w, year):
        n = int(round(900 * w * r.uniform(0.7, 1.3)))
        price = r.uniform(52000, 88000) * (1 + 0.04 * (year - years[0]))
        if level == "delbydel":
            return [n, repr(price)]
        return ["%d.0" % (n * 3), "%d.0" % int(round(price))]
    # Marka: too few sales, price suppressed; Oslo i alt has no bydel_id (the original's
    # "TODO: Fix in csvlt, missing id for Oslo i alt").
    rows = pre_aggregated("boligpriser-blokkleiligheter", years, make, order="delbydel_first", oslo_id="",
                          places=place_ids(["01", "02", "16", "17"]))
    for row in rows:
        if row[3] == "17":
            row[5], row[6] = ("2" if row[1] else "3.0"), ""
    return ["aar"] + GEO_D + ["antall_omsatte_blokkleiligheter", "kvmpris"], rows


BOTID = ["Innvandrer, kort botid (<=5 år)", "Innvandrer, lang botid (>5 år)", "Øvrige befolkning"]


def botid_ikke_vestlige(years=YEARS):
    r = rng("botid-ikke-vestlige")
    header = ["aar"] + GEO_B + ["botid", "asia_afrika_latin_amerika_og_ost_europa_utenfor_eu", "norge",
                                "vest_europa_usa_canada_australia_og_new_zealand", "ost_europeiske_eu_land"]
    rows = []
    scale = {"Innvandrer, kort botid (<=5 år)": 0.3, "Innvandrer, lang botid (>5 år)": 0.7, "Øvrige befolkning": 0.5}
    for year in years:
        for b, bn, d, dn, w in SUB:
            for botid in BOTID:
                s = scale[botid]
                norge = int(round(9000 * w * r.uniform(0.8, 1.2))) if botid == "Øvrige befolkning" else 0
                rows.append([year, b, bn, d, dn, botid,
                             int(round(2400 * w * s * r.uniform(0.7, 1.3))), norge,
                             int(round(500 * w * s * r.uniform(0.7, 1.3))), int(round(700 * w * s * r.uniform(0.7, 1.3)))])
    return header, rows


HOUSING = ["blokk_leiegaard_el", "forretningsgaard_bygg_for_felleshusholdning_el", "frittliggende_enebolig_eller_vaaningshus",
           "horisontaldelt_tomannsbolig_eller_annet_boligbygg_med_mindre_enn_3_etasjer",
           "hus_i_kjede_rekkehus_terrasse_hus_vertikaldelt_tomannsbolig"]


def boligmengde(years=YEARS):
    return sub_district_counts("boligmengde-etter-boligtype", years, HOUSING, [9000, 400, 700, 350, 600],
                               order="delbydel_first", skip=no_address)


def kommunale_boliger(years=YEARS):
    return sub_district_counts("kommunale-boliger", years, ["antall_boliger"], [480], order="bydel_first", skip=no_address)


def eieform(years=tuple(year_range(2015, 2017)) if FULL_SIZE else (2015, 2016, 2017)):
    """The real 2019 file's shape: district rows without sub-district, Oslo as 10000 without a
    name, 15000/20000 rows without a name, percentages with two decimals, one duplicate row.
    In full size Oslo is `00;Oslo i alt` (the variant the original runs on, as
    Fixtures/bydelsfakta/eieform/input_eieform_10000-as-00.csv), so that it can be timed."""
    r = rng("eieform")
    header = ["aar"] + GEO_B + ["selveier_alle", "borettslag_andel_alle", "leier_alle",
                                "selveier_uten_studenter", "borettslag_andel_uten_studenter", "leier_uten_studenter"]
    rows = []

    def shares():
        a, b = r.uniform(20, 45), r.uniform(15, 45)
        c = 100 - a - b
        a2, b2 = a + r.uniform(0, 2), b + r.uniform(-1, 1)
        return [round(a, 2), round(b, 2), round(c, 2), round(a2, 2), round(b2, 2), round(100 - a2 - b2, 2)]
    for year in years:
        for b, bn, subs in DISTRICTS:
            if b == "99":
                continue
            for d, dn, w in subs:
                if b in ("16", "17"):
                    continue
                rows.append([year, b, bn, d, dn] + shares())
            rows.append([year, b, bn, "", ""] + shares())
        for special in ("10000", "20000", "15000"):
            if FULL_SIZE and special == "10000":
                rows.append([year, "00", "Oslo i alt", "", ""] + shares())
                continue
            rows.append([year, special, "", "", ""] + shares())
    rows.append(list(rows[3]))  # the real file has duplicated rows
    return header, rows


def fattige(years=YEARS):
    def make(r, level, w, year):
        hh = int(round(9000 * w * r.uniform(0.9, 1.1)))
        hh_b = int(round(hh * r.uniform(0.15, 0.3)))
        a_all = pct(r, 8, 22)
        a_b = pct(r, 10, 35)
        return [hh, hh_b, a_all, a_b, int(round(hh * a_all / 100)), int(round(hh_b * a_b / 100))]
    # Marka's numbers are suppressed (empty cells), which the original filters out.
    rows = pre_aggregated("fattige-husholdninger", years, make, order="delbydel_first",
                          blank=lambda y, b, d: b == "17")
    return ["aar"] + GEO_D + ["husholdninger_i_alt", "husholdninger_med_barn_under_18_aar_i_alt",
                              "husholdninger_i_alt_eu_skala_andel", "husholdninger_med_barn_under_18_aar_eu_skala_andel",
                              "husholdninger_i_alt_eu_skala_antall", "husholdninger_med_barn_under_18_aar_eu_skala_antall"], rows


def _weighted(r, x, w):
    # Household counts are weighted estimates: fractional, with float noise as in the real
    # 2019 household file (e.g. 2072.5551000000073).
    return repr(round(x * w * r.uniform(0.8, 1.2), 4) + 1e-12 * r.randint(1, 9))


def husholdninger_med_barn(years=YEARS):
    r = rng("husholdninger-med-barn")
    cols = ["ett_barn_i_hh", "to_barn_i_hh", "tre_barn_i_hh", "fire_barn_eller_mer", "ingen_barn_i_hh"]
    base = [600, 480, 160, 40, 5200]
    rows = [[y] + [d, dn, b, bn] + [_weighted(r, x, w) for x in base] for y in years for b, bn, d, dn, w in SUB if b != "99"]
    return ["aar"] + GEO_D + cols, rows


def husholdningstyper(years=YEARS):
    r = rng("husholdningstyper")
    cols = ["aleneboende", "enfamiliehusholdninger_med_voksne_barn", "flerfamiliehusholdninger_med_smaa_barn",
            "flerfamiliehusholdninger_med_store_barn", "flerfamiliehusholdninger_uten_barn_0_til_17_aar",
            "mor_eller_far_med_smaa_barn", "mor_eller_far_med_store_barn", "par_med_smaa_barn", "par_med_store_barn",
            "par_uten_hjemmeboende_barn"]
    base = [4100, 300, 120, 90, 260, 210, 180, 700, 420, 1300]
    rows = [[y] + [d, dn, b, bn] + [_weighted(r, x, w) for x in base] for y in years for b, bn, d, dn, w in SUB if b != "99"]
    return ["aar"] + GEO_D + cols, rows


def rom_per_person(years=YEARS):
    r = rng("husholdninger-etter-rom-per-person")
    header = ["aar"] + GEO_D + ["rom_per_person_under_0_5", "rom_per_person_0_5_til_0_9", "rom_per_person_1_0_til_1_9",
                                "rom_per_person_2_0_og_over", "ukjent_antall_rom", "rom_per_person_i_alt"]
    rows = []
    for y in years:
        totals = [0] * 5
        for b, bn, d, dn, w in SUB:
            if b == "99":
                continue
            v = [int(round(x * w * r.uniform(0.8, 1.2))) for x in (300, 1500, 4200, 2500, 60)]
            totals = [t + x for t, x in zip(totals, v)]
            rows.append([y, d, dn, b, bn] + v + [sum(v)])
        # Oslo i alt is in the file (the original drops bydel_id 00 before aggregating).
        rows.append([y, "", "", "00", "Oslo i alt"] + totals + [sum(totals)])
    return header, rows


def ikke_fullfort_vgs(years=YEARS):
    def make(r, level, w, year):
        n = int(round(40 * w * r.uniform(0.7, 1.3)))
        return [n, pct(r, 6, 25)]
    return ["aar"] + GEO_B + ["antall_personer_ikke_fullfort_i_lopet_av_5_aar", "andelen_som_ikke_har_fullfort_i_lopet_av_5_aar"], \
        pre_aggregated("ikke-fullfort-vgs", years, make, places=place_ids(["01", "02", "16"]))


def dodsrater(years=YEARS):
    def make(r, level, w, year):
        return [round(r.uniform(0.5, 1.6), 2)]
    return ["aar"] + GEO_B + ["dodsrate"], pre_aggregated("dodsrater", years, make, places=place_ids(["01", "02", "16"]))


def redusert_funksjonsevne(years=YEARS):
    def make(r, level, w, year):
        n = int(round(6500 * w * r.uniform(0.9, 1.1)))
        share = pct(r, 8, 22)
        return [n, int(round(n * share / 100)), share]
    return ["aar"] + GEO_B + ["antall_personer_16_66_aar", "antall_personer_med_redusert_funksjonsevne",
                              "andel_personer_med_redusert_funksjonsevne"], \
        pre_aggregated("redusert-funksjonsevne", years, make, places=place_ids(["01", "02", "16"]))


def trangbodde(years=YEARS):
    def make(r, level, w, year):
        hh = int(round(5000 * w * r.uniform(0.9, 1.1)))
        share = pct(r, 5, 25)
        return [share, int(round(hh * share / 100)), hh]
    return ["aar"] + GEO_B + ["andel_som_bor_trangt", "antall_som_bor_trangt", "antall_husholdninger"], \
        pre_aggregated("trangbodde", years, make, places=place_ids(["01", "02", "16"]))


def sysselsatte(years=year_range(2014, 2018)):
    return sub_district_counts("sysselsatte", years, ["antall_sysselsatte"], [5200], order="bydel_first")


def lav_utdanning(years=YEARS):
    return sub_district_counts("lav-utdanning", years,
                               ["grunnskole", "ingen_utdanning_uoppgitt", "universitet_hogskole_kort",
                                "universitet_hogskole_lang", "videregaende"],
                               [1400, 300, 2600, 2100, 2300], order="delbydel_first")


COUNTRIES = ["Pakistan", "Somalia", "Polen", "Sverige", "Irak", "Sri Lanka", "Marokko", "Tyrkia", "Iran", "Eritrea",
             "Vietnam", "Filippinene", "Litauen", "Bosnia-Hercegovina", "Storbritannia"]


def landbakgrunn(years=YEARS):
    r = rng("landbakgrunn-storste-innvandringsgrupper")
    header = ["aar", "bydel_id", "bydel_navn", "landbakgrunn", "innvandrer", "norskfodt_med_innvandrerforeldre"]
    rows = []
    for y in years:
        for b, bn, subs in DISTRICTS:
            if b in ("17", "99"):
                continue
            w = sum(x for _, _, x in subs)
            for i, c in enumerate(COUNTRIES):
                size = w * 1400 / (1 + 0.35 * i)
                rows.append([y, b, bn, c, int(round(size * r.uniform(0.6, 1.4))), int(round(size * 0.4 * r.uniform(0.5, 1.5)))])
    return header, rows


CATS = ["fodt_i_utlandet_av_norskfodte_foreldre", "innvandrer", "norskfodt_med_en_utenlandskfodt_forelder",
        "norskfodt_med_innvandrerforeldre", "uten_innvandringsbakgrunn", "utenlandsfodt_med_en_norsk_forelder"]


def botid(years=YEARS):
    """innvandrer_befolkning's input: per sub-district AND per district (rows without a
    sub-district, which the original filters out), botid as text."""
    r = rng("botid")
    header = ["aar"] + GEO_B + ["botid"] + CATS
    rows = []
    base = {"Innvandrer, kort botid (<=5 år)": [0, 900, 0, 0, 0, 0],
            "Innvandrer, lang botid (>5 år)": [0, 2400, 0, 0, 0, 0],
            "Øvrige befolkning": [60, 0, 420, 900, 7200, 180]}
    for y in years:
        for b, bn, subs in DISTRICTS:
            district = {k: [0] * 6 for k in BOTID}
            for d, dn, w in subs:
                for k in BOTID:
                    v = [int(round(x * w * r.uniform(0.8, 1.2))) for x in base[k]]
                    district[k] = [a + c for a, c in zip(district[k], v)]
                    rows.append([y, b, bn, d, dn, k] + v)
            for k in BOTID:
                rows.append([y, b, bn, "", "", k] + district[k])
    return header, rows


def innvandrer_0_15(years=YEARS):
    """alder is text; the original keeps only `0-15 år`. The second label is invented to
    exercise that filter (the real file's other values are not known)."""
    r = rng("innvandrer-befolkningen-0-15-ar")
    header = ["aar"] + GEO_B + ["alder"] + CATS
    rows = []
    for y in years:
        for b, bn, d, dn, w in SUB:
            for alder, s in (("0-15 år", 1.0), ("16 år og over", 4.5)):
                rows.append([y, b, bn, d, dn, alder] + [int(round(x * w * s * r.uniform(0.8, 1.2))) for x in (20, 260, 150, 320, 1500, 40)])
    return header, rows
