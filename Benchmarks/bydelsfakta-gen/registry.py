"""Which published-shape inputs each function gets, and the types it makes."""
import migration
import population

from geo import years

MIGRATION_YEARS = years(2012)
INN_KAT_YEARS = years(2015)
POP_YEARS = years(2008)
PROJ_YEARS = list(range(2020, 2031))

FUNCTIONS = {
    "befolkningsutvkl_forv_utvkl": {
        "types": ["historisk"],
        "inputs": {
            "befolkning-etter-kjonn-og-alder": lambda: population.befolkning(POP_YEARS),
            "dode": lambda: population.vital("dode", POP_YEARS),
            "fodte": lambda: population.vital("fodte", POP_YEARS),
            "flytting-til-etter-alder": lambda: migration.by_age("til", MIGRATION_YEARS),
            "flytting-fra-etter-alder": lambda: migration.by_age("fra", MIGRATION_YEARS),
            "befolkningsframskrivninger": lambda: population.framskrivninger(PROJ_YEARS),
        },
    },
    "flyttehyppighet_totalt": {
        "types": ["status", "historisk"],
        "inputs": {
            "flytting-til-etter-alder": lambda: migration.by_age("til", MIGRATION_YEARS),
            "flytting-fra-etter-alder": lambda: migration.by_age("fra", MIGRATION_YEARS),
        },
    },
    "flyttehyppighet_inn_kat": {
        "types": ["status", "historisk"],
        "inputs": {
            "flytting-til-etter-inn-kat": lambda: migration.by_immigration_category("til", INN_KAT_YEARS),
            "flytting-fra-etter-inn-kat": lambda: migration.by_immigration_category("fra", INN_KAT_YEARS),
        },
    },
}

# Per dataset: one line on the published shape used (details and sources in
# /work/research/bydelsfakta-published-shapes.md, copied beside the fixtures as SHAPES.md).
SHAPES = {
    "befolkning-etter-kjonn-og-alder": "`aar;delbydel_id;delbydel_navn;bydel_id;bydel_navn;kjonn;0;…;120` (kjonn 1/2; one row per sub-district, sex and year; ages as the last columns, which the original relies on)",
    "dode": "`aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;antall_dode`",
    "fodte": "`aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;antall_fodte`",
    "befolkningsframskrivninger": "`aar;bydel_id;bydel_navn;0;…;99` (district level, no sub-districts, no 99), 2020-2030",
    "flytting-til-etter-alder": "`aar;bydel_id;bydel_navn;aldersgruppe_5_aar;innflytting_til_oslo;innflytting_innenfor_bydelen;innflytting_mellom_bydeler`, district level, age group as text (`Under 5 år`, `5 - 9 år`, …, `85 - 89 år`, `90 år og eldre`); empty cells left out (Marka has no rows from 80, Uten registrert adresse only 20-64, Sentrum lacks `85 - 89 år` in the first year)",
    "flytting-fra-etter-alder": "`aar;bydel_id;bydel_navn;aldersgruppe_5_aar;utflytting_fra_oslo;utflytting_innenfor_bydelen;utflytting_mellom_bydeler`, same geography and age labels as flytting-til-etter-alder (Sentrum's `85 - 89 år` present every year)",
    "flytting-til-etter-inn-kat": "`aar;bydel_id;bydel_navn;aldersgruppe_5_aar;innvandringskategori;innflytting_til_oslo;innflytting_innenfor_bydelen;innflytting_mellom_bydeler`; categories `Innvandrer`, `Norskfødte med innv.foreldre`, `Øvrige`; Marka lacks the middle category from `50 - 54 år`",
    "flytting-fra-etter-inn-kat": "`aar;bydel_id;bydel_navn;aldersgruppe_5_aar;innvandringskategori;utflytting_fra_oslo;utflytting_innenfor_bydelen;utflytting_mellom_bydeler`, as flytting-til-etter-inn-kat",
}

import datasets as D

BEF = {"befolkning-etter-kjonn-og-alder": lambda: population.befolkning(POP_YEARS)}


def _with_bef(extra):
    d = dict(BEF)
    d.update(extra)
    return d


def _pair(*names):
    return [n for base in names for n in (base + "_status", base + "_historisk")]


FUNCTIONS.update({
    "alder_distribusjon_status": {"types": ["status"], "inputs": dict(BEF)},
    "folkemengde": {"types": ["historisk", "historisk-prosent", "nokkeltall"], "inputs": dict(BEF)},
    "boligpriser": {"types": ["status", "historisk"], "inputs": {"boligpriser-blokkleiligheter": D.boligpriser}},
    "botid_ikke_vestlige": {"types": ["status", "historisk"], "inputs": _with_bef({"botid-ikke-vestlige": D.botid_ikke_vestlige})},
    "bygningstyper": {"types": _pair("alle", "blokk", "enebolig", "rekkehus", "totalt"), "inputs": {"boligmengde-etter-boligtype": D.boligmengde}},
    "eieform": {"types": ["status", "historisk"], "inputs": {"eieform": D.eieform}},
    "fattige_barnehusholdninger": {"types": ["status", "historisk"], "inputs": {"fattige-husholdninger": D.fattige}},
    "husholdning_med_barn": {"types": _pair("alle", "1barn", "2barn", "3barn"), "inputs": {"husholdninger-med-barn": D.husholdninger_med_barn}},
    "husholdningstyper": {"types": ["status", "historisk"], "inputs": {"husholdningstyper": D.husholdningstyper}},
    "ikke_fullfort_vgs": {"types": ["status", "historisk"], "inputs": {"ikke-fullfort-vgs": D.ikke_fullfort_vgs}},
    "innvandrer_befolkning": {"types": _pair("alle", "kort", "lang", "to_foreldre"), "inputs": _with_bef({"botid": D.botid})},
    "innvandring_under16": {"types": _pair("en-innvandrer", "to-innvandrer", "innvandrer"), "inputs": {"innvandrer-befolkningen-0-15-ar": D.innvandrer_0_15}},
    "kommunale_boliger": {"types": ["status", "historisk"], "inputs": {"kommunale-boliger": D.kommunale_boliger, "boligmengde-etter-boligtype": D.boligmengde}},
    "landbakgrunn_innvandringsgrupper": {"types": ["status", "historisk"], "inputs": _with_bef({"landbakgrunn-storste-innvandringsgrupper": D.landbakgrunn})},
    "levekaar_dodsrate": {"types": ["status", "historisk"], "inputs": {"dodsrater": D.dodsrater}},
    "levekar_ikke_sysselsatte": {"types": ["status", "historisk"], "inputs": _with_bef({"sysselsatte": D.sysselsatte})},
    "levekar_lav_utdanning": {"types": ["status", "historisk"], "inputs": {"lav-utdanning": D.lav_utdanning}},
    "levekar_redusert_funksjonsevne": {"types": ["status", "historisk"], "inputs": {"redusert-funksjonsevne": D.redusert_funksjonsevne}},
    "levekar_trangbodde": {"types": ["status", "historisk"], "inputs": {"trangbodde": D.trangbodde}},
    "trangboddhet": {"types": _pair("0-5-0-9", "1-0-1-9", "over-2", "under-0-5", "alle"), "inputs": {"husholdninger-etter-rom-per-person": D.rom_per_person}},
    "levekar_totalt": {"types": ["status"], "inputs": _with_bef({
        "redusert-funksjonsevne": D.redusert_funksjonsevne, "botid-ikke-vestlige": D.botid_ikke_vestlige,
        "lav-utdanning": D.lav_utdanning, "fattige-husholdninger": D.fattige, "sysselsatte": D.sysselsatte,
        "ikke-fullfort-vgs": D.ikke_fullfort_vgs, "dodsrater": D.dodsrater, "trangbodde": D.trangbodde})},
})

# csvlt's boligpriser-result.csv ends with an empty line ("…;0301020202\n\n").
TRAILING_BLANK_LINE = {"boligpriser-blokkleiligheter"}

SHAPES.update({
    "boligpriser-blokkleiligheter": "`aar;delbydel_id;delbydel_navn;bydel_id;bydel_navn;antall_omsatte_blokkleiligheter;kvmpris`, pre-aggregated (sub-district, district, Oslo rows); Oslo i alt with EMPTY bydel_id; district/Oslo numbers as `6291.0;75380.0`, sub-district prices unrounded (`76308.89058879876`); Marka's price empty; the file ends with an empty line",
    "botid-ikke-vestlige": "`aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;botid;asia_afrika_latin_amerika_og_ost_europa_utenfor_eu;norge;vest_europa_usa_canada_australia_og_new_zealand;ost_europeiske_eu_land`, botid text (`Innvandrer, kort botid (<=5 år)`, `Innvandrer, lang botid (>5 år)`, `Øvrige befolkning`), sub-district level",
    "boligmengde-etter-boligtype": "`aar;delbydel_id;delbydel_navn;bydel_id;bydel_navn;` + the five housing types in sorted order, sub-district level, no 99",
    "kommunale-boliger": "`aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;antall_boliger` (bydel first, while boligmengde is delbydel first), no 99",
    "eieform": "the real 2019 file's shape: `aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;` + six percentage columns (2 decimals), district rows, Oslo as 10000 without a name, 15000/20000 without names, one duplicated row",
    "fattige-husholdninger": "`aar;delbydel_id;delbydel_navn;bydel_id;bydel_navn;` + six columns (`husholdninger_i_alt`, `…med_barn_under_18_aar_i_alt`, `…i_alt_eu_skala_andel`, `…med_barn_under_18_aar_eu_skala_andel`, `…i_alt_eu_skala_antall`, `…med_barn_under_18_aar_eu_skala_antall`), pre-aggregated with Oslo `00`; Marka's cells empty",
    "husholdninger-med-barn": "`aar;delbydel_id;delbydel_navn;bydel_id;bydel_navn;ett_barn_i_hh;to_barn_i_hh;tre_barn_i_hh;fire_barn_eller_mer;ingen_barn_i_hh`, fractional weighted counts with float noise (`691.607100000006`)",
    "husholdningstyper": "`aar;delbydel_id;delbydel_navn;bydel_id;bydel_navn;` + the ten household types in sorted order, fractional weighted counts",
    "husholdninger-etter-rom-per-person": "`aar;delbydel_id;delbydel_navn;bydel_id;bydel_navn;rom_per_person_under_0_5;rom_per_person_0_5_til_0_9;rom_per_person_1_0_til_1_9;rom_per_person_2_0_og_over;ukjent_antall_rom;rom_per_person_i_alt`, sub-district rows plus Oslo rows `00` (which the original drops)",
    "ikke-fullfort-vgs": "`aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;antall_personer_ikke_fullfort_i_lopet_av_5_aar;andelen_som_ikke_har_fullfort_i_lopet_av_5_aar`, pre-aggregated with Oslo `00`",
    "dodsrater": "`aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;dodsrate`, pre-aggregated with Oslo `00`",
    "redusert-funksjonsevne": "`aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;antall_personer_16_66_aar;antall_personer_med_redusert_funksjonsevne;andel_personer_med_redusert_funksjonsevne`, pre-aggregated with Oslo `00`",
    "trangbodde": "`aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;andel_som_bor_trangt;antall_som_bor_trangt;antall_husholdninger`, pre-aggregated with Oslo `00`",
    "sysselsatte": "`aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;antall_sysselsatte`, sub-district level, 2014-2018",
    "lav-utdanning": "`aar;delbydel_id;delbydel_navn;bydel_id;bydel_navn;grunnskole;ingen_utdanning_uoppgitt;universitet_hogskole_kort;universitet_hogskole_lang;videregaende` (sorted as pivoted), sub-district level",
    "landbakgrunn-storste-innvandringsgrupper": "`aar;bydel_id;bydel_navn;landbakgrunn;innvandrer;norskfodt_med_innvandrerforeldre`, district level (01, 02, 16), 15 countries",
    "botid": "`aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;botid;` + six categories (sorted), sub-district rows AND district rows with empty sub-district (which the original drops)",
    "innvandrer-befolkningen-0-15-ar": "`aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;alder;` + six categories; alder `0-15 år` and (invented) `16 år og over`, which the original filters out",
})

NOTES = {
    "eieform": "Crash cause: the real shape's Oslo row is bydel_id 10000 with no bydel_navn; the original drops 15000/20000 but not 10000, and common/output.py:57 takes the first name of each district (none for 10000). Same as on the real file (../../eieform/, input_eieform_10000-as-00.csv is the variant that runs).",
    "flyttehyppighet_totalt": "Inner merge on date/bydel/aldersgruppe_5_aar: Sentrum's `85 - 89 år` of 2012 exists only in the fra-file and is left out of both directions and of Oslo's 2012 sum. Age groups come out in codepoint order of the label (`10 - 14 år` … `5 - 9 år` … `Under 5 år`).",
    "flyttehyppighet_inn_kat": "pd.merge(fra, til) with no `on` (joins on all shared columns); movement numbers come out as floats (`39.0`) after the pivot.",
    "befolkningsutvkl_forv_utvkl": "The migration files are the same published files as flyttehyppighet_totalt's (byte-identical); aldersgruppe_5_aar (text) and *_innenfor_bydelen are not read by this function.",
}
for _name, _note in NOTES.items():
    FUNCTIONS[_name]["note"] = _note
