#!/usr/bin/env python3
"""Writes published-shape synthetic inputs for a function, runs the original on each type,
and keeps the outputs. Usage: build.py [--full-size OUT] [--inputs-only] [FUNCTION...]

--full-size OUT: Oslo's full geography (15 districts of 7 sub-districts, Sentrum, Marka, no
address; 13 years) into OUT/<function>/, laid out as Fixtures/bydelsfakta/published, for
`reportkit-bench pipeline --published OUT`. --inputs-only: write the inputs, do not run the
original. No function named: all of them."""
import os
import shutil
import subprocess
import sys

FULL_SIZE_OUT = None
INPUTS_ONLY = "--inputs-only" in sys.argv
if INPUTS_ONLY:
    sys.argv.remove("--inputs-only")
if "--full-size" in sys.argv:
    at = sys.argv.index("--full-size")
    FULL_SIZE_OUT = os.path.abspath(sys.argv[at + 1])
    del sys.argv[at:at + 2]
    os.environ["BYDELSFAKTA_FULL_SIZE"] = "1"
    os.environ["PUBLISHED_OUT"] = FULL_SIZE_OUT

import geo
import registry

PY = os.environ.get("ORIGINAL_PYTHON", "/work/research/venv-bydelsfakta/bin/python")
RUNNER = os.environ.get("ORIGINAL_RUNNER", "/work/research/bydelsfakta-runner/run_original.py")
import datetime
RUN_DATE = datetime.date.today().isoformat()
STATUS = None if FULL_SIZE_OUT else "/work/research/bydelsfakta-published-STATUS.md"
CRASHES = os.path.join(FULL_SIZE_OUT, "crashes") if FULL_SIZE_OUT else "/work/research/bydelsfakta-gen/crashes"


def build(function):
    spec = registry.FUNCTIONS[function]
    folder = os.path.join(geo.OUT, function)
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    inputs = {}
    for dataset, make in spec["inputs"].items():
        header, rows = make()
        inputs[dataset] = geo.write(function, dataset, header, rows)
        if dataset in registry.TRAILING_BLANK_LINE:
            with open(inputs[dataset], "a", encoding="utf-8") as f:
                f.write("\n")
    results = []
    for type_of_ds in ([] if INPUTS_ONLY else spec["types"]):
        out = os.path.join(folder, "output_%s" % type_of_ds)
        tmp = out + ".tmp"
        if os.path.isdir(tmp):
            shutil.rmtree(tmp)
        cmd = [PY, RUNNER, function, type_of_ds, tmp] + ["%s=%s" % kv for kv in inputs.items()]
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
        if p.returncode == 0:
            os.rename(tmp, out)
            n = len(os.listdir(out))
            results.append((type_of_ds, "ok, %d files" % n, ""))
        else:
            if os.path.isdir(tmp):
                shutil.rmtree(tmp)
            tb = [l for l in p.stderr.splitlines() if l.strip()]
            last = tb[-1] if tb else "exit %d" % p.returncode
            where = [l.strip() for l in tb if l.strip().startswith('File "/work/research/bydelsfakta-orig')]
            results.append((type_of_ds, "CRASH", "%s (at %s)" % (last, where[-1] if where else "?")))
            with open(os.path.join(CRASHES, "%s_%s.txt" % (function, type_of_ds)), "w") as f:
                f.write(p.stderr)
        warnings = sorted({l.split(": ")[1] for l in p.stderr.splitlines() if "Warning: " in l and ": " in l})
        if warnings:
            results[-1] = results[-1][:2] + ((results[-1][2] + " warnings: " + ", ".join(warnings)).strip(),)
    write_source(function, spec, inputs, results)
    return inputs, results


def write_source(function, spec, inputs, results):
    years = {}
    lines = [
        "# %s, published-shape inputs" % function,
        "",
        "SYNTHETIC data in the PUBLISHED shape of Oslo's datasets (columns, column order and value forms as",
        "found in `../SHAPES.md`, which names the sources), made for ReportKit's parity tests (issue 11:",
        "real inputs carry columns a function does not use). The numbers are invented (seeded generator);",
    ] + ([
        "geography: FULL SIZE, Oslo's 15 districts 01-15 of 7 sub-districts each (0101-1507), 16 Sentrum (1601),",
        "17 Marka (1701), 99 Uten registrert adresse (9999) where the dataset has them; 13 years.",
    ] if geo.FULL_SIZE else [
        "geography: districts 01 Bydel Gamle Oslo, 02 Bydel Grünerløkka, 16 Sentrum, 17 Marka,",
        "99 Uten registrert adresse (sub-districts 0101, 0102, 0201, 0202, 1601, 1701, 9999 where the dataset has them).",
    ]) + [
        "",
        "| input | dataset id | shape |",
        "|---|---|---|",
    ]
    for dataset in sorted(inputs):
        lines.append("| input_%s.csv | %s | %s |" % (dataset, dataset, registry.SHAPES.get(dataset, "see ../SHAPES.md")))
    if spec.get("note"):
        lines += ["", spec["note"]]
    lines += [
        "",
        "`output_<type>/*.json` were produced by running the ORIGINAL handler `functions.%s.start(event, None)`" % function,
        "(oslokommune/bydelsfakta-data-processing @ 28e273d, Python 3.7.16, pandas 1.0.1, numpy 1.18.1) with only S3",
        "find/read/write replaced by local files: read is `pd.read_csv(path, sep=\";\", dtype={delbydel_id, delbydel_navn,",
        "bydel_id, bydel_navn: object})` + rename aar->date as in common/aws.py; write is",
        "`json.dumps(obj, ensure_ascii=False, allow_nan=False)` to `<id>.json`. `meta.publishedDate` is the date of that",
        "run (%s): ignore it when comparing. The order of `data` entries is pandas' order; the order inside values" % RUN_DATE,
        "(e.g. age groups) is the original's and is part of the expected output.",
        "",
        "| type | original |",
        "|---|---|",
    ]
    for type_of_ds, outcome, note in results:
        lines.append("| %s | %s |" % (type_of_ds, (outcome + (" " + note if note.startswith("Exception") or "CRASH" in outcome else "")).strip()))
    if all("CRASH" in outcome for _, outcome, _ in results):
        lines = [l.replace("`output_<type>/*.json` were produced by running the ORIGINAL handler",
                           "NO outputs: the ORIGINAL CRASHED on these inputs for every type. It was run as") for l in lines]
    with open(os.path.join(geo.OUT, function, "SOURCE.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    os.makedirs(CRASHES, exist_ok=True)
    for function in sys.argv[1:] or sorted(registry.FUNCTIONS):
        inputs, results = build(function)
        for type_of_ds, outcome, note in results:
            print(function, type_of_ds, outcome, note)
        line = "| %s | %s | %s | %s | %s |\n" % (
                function,
                ", ".join(t for t, _, _ in results),
                ", ".join(sorted(inputs)),
                "; ".join("%s: %s" % (t, o) for t, o, _ in results),
                (registry.FUNCTIONS[function].get("note", "") + " " + " ".join(sorted({n for _, _, n in results if n}))).strip(),
            )
        if STATUS is None:
            continue
        with open(STATUS, encoding="utf-8") as f:
            lines = [l for l in f if not l.startswith("| %s |" % function)]
        with open(STATUS, "w", encoding="utf-8") as f:
            f.writelines(lines + [line])


if __name__ == "__main__":
    main()
