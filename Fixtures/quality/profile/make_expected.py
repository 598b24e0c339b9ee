"""Expected profile figures for the fixtures in this folder, from pandas and polars.

Run: /work/research/pandas-venv/bin/python Fixtures/quality/profile/make_expected.py
(pandas 2.x and polars in a virtual environment outside the tree). Writes events.csv
(generated, seeded) and <table>.expected.json for every <table>.csv with a
<table>.types.json beside it. Only an empty field is missing (keep_default_na=False,
na_values=['']), as in ReportKit; the declared types are applied as read_csv dtypes
(integer → Int64, number → float64, boolean → boolean, text → object) and dates and
timestamps with pd.to_datetime(format='ISO8601').
"""
import csv
import json
import math
import pathlib
import random

import numpy as np
import pandas as pd
import polars as pl

HERE = pathlib.Path(__file__).resolve().parent


def generate_events(path, rows=3000, seed=7):
    rng = random.Random(seed)
    users = ["ola", "kari", "Zoë", "李", "émile", "Ålesund", "bo", "ana"] + [f"user{i:02d}" for i in range(32)]
    weights = [40 - i for i in range(len(users))]
    comments = ["fine", "a, b", 'said "no"', "two\nlines", "🎉 party", "  padded ", "x" * 40, "ÆØÅ æøå"]
    bools = ["True", "False", "true", "false", "TRUE", "FALSE"]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["user", "amount", "qty", "flag", "day", "at", "comment", "big"])
        for _ in range(rows):
            def maybe(text, p):
                return "" if rng.random() < p else text
            user = maybe(rng.choices(users, weights)[0], 0.02)
            if rng.random() < 0.05:
                amount = f"{rng.randint(10**15, 10**16 - 1) / 10**6:.6f}"  # 16 significant digits
            else:
                amount = f"{rng.uniform(-1e6, 1e6):.2f}"
            amount = maybe(amount, 0.05)
            qty = maybe(str(rng.randint(-50, 500)), 0.05)
            flag = maybe(rng.choice(bools), 0.05)
            day = maybe(f"{rng.randint(2020, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", 0.05)
            stamp = f"{rng.randint(2020, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} " \
                    f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
            if rng.random() < 0.5:
                stamp += f".{rng.randint(0, 999999):06d}"
            stamp = maybe(stamp, 0.05)
            comment = maybe(rng.choice(comments), 0.10)
            big = str(rng.choice([-1, 1]) * rng.randint(10**15, 10**16 - 1))
            writer.writerow([user, amount, qty, flag, day, stamp, comment, big])


def text_of(value, kind):
    """A value as ReportKit writes it."""
    if kind == "integer":
        return str(int(value))
    if kind == "number":
        value = float(value)
        return "0.0" if value == 0 else repr(value)
    if kind == "boolean":
        return "true" if bool(value) else "false"
    if kind == "date":
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    if kind == "timestamp":
        stamp = pd.Timestamp(value)
        text = stamp.strftime("%Y-%m-%dT%H:%M:%S")
        if stamp.microsecond:
            text += "." + f"{stamp.microsecond:06d}".rstrip("0")
        return text + "Z"
    return str(value)


def number(value):
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    return float(value)


def pandas_frame(path, declared, inferred):
    dtypes = {"integer": "Int64", "number": "float64", "boolean": "boolean", "text": object}
    dtype = {c: dtypes[t] for c, t in declared.items() if t in dtypes}
    for column, kind in inferred.items():  # text columns stay text (no numbers read out of them)
        if kind == "text":
            dtype[column] = object
    frame = pd.read_csv(path, keep_default_na=False, na_values=[""], dtype=dtype, float_precision="round_trip")
    as_read = {c: str(frame[c].dtype) for c in frame.columns}
    for column, kind in {**inferred, **declared}.items():
        if kind in ("date", "timestamp"):
            frame[column] = pd.to_datetime(frame[column], format="ISO8601")
    return frame, as_read


def pandas_figures(frame, kinds, as_read):
    summary = frame.describe(include="all")
    columns = {}
    for column in frame.columns:
        kind = kinds[column]
        series = frame[column]
        described = summary[column]
        values = series.dropna()
        counts = values.value_counts()
        entry = {
            "type": kind,
            "pandas_dtype_as_read": as_read[column],
            "count": int(described["count"]),
            "missing": int(series.isna().sum()),
            "distinct": int(values.nunique()),
            "value_counts": [[text_of(v, kind), int(c)] for v, c in counts.items()],
        }
        if len(counts):
            entry["top"] = text_of(counts.index[0], kind)
            entry["freq"] = int(counts.iloc[0])
            entry["top_tied"] = bool(len(counts) > 1 and counts.iloc[1] == counts.iloc[0])
            if kind not in ("integer", "number", "date", "timestamp"):
                assert text_of(described["top"], kind) == entry["top"], (column, described["top"])
                assert int(described["freq"]) == entry["freq"]
        if kind in ("integer", "number"):
            for key, name in [("mean", "mean"), ("std", "std"), ("p25", "25%"), ("p50", "50%"), ("p75", "75%")]:
                entry[key] = number(described[name])
            if len(values):
                entry["min"] = text_of(values.min(), kind)
                entry["max"] = text_of(values.max(), kind)
        if kind in ("date", "timestamp") and len(values):
            entry["min"] = text_of(described["min"], kind)
            entry["max"] = text_of(described["max"], kind)
        if kind == "text" and len(values):
            lengths = values.astype(str).str.len()
            entry["length"] = {"min": int(lengths.min()), "mean": float(lengths.mean()), "max": int(lengths.max())}
        columns[column] = entry
    return {"row_count": len(frame), "columns": columns}


def polars_figures(path, kinds):
    frame = pl.read_csv(path, infer_schema=False)  # every column as text; empty fields are null
    truth = {"True": True, "TRUE": True, "true": True, "False": False, "FALSE": False, "false": False}
    columns = {}
    for column in frame.columns:
        kind = kinds[column]
        series = frame[column]
        if kind == "integer":
            series = series.cast(pl.Int64)
        elif kind == "number":
            series = series.cast(pl.Float64)
        elif kind == "boolean":
            series = series.replace_strict(truth, default=None, return_dtype=pl.Boolean)
        elif kind in ("date", "timestamp"):
            continue  # mixed ISO forms; pandas is the reference here
        values = series.drop_nulls()
        entry = {"count": values.len(), "missing": series.null_count(), "distinct": values.n_unique()}
        if kind in ("integer", "number") and values.len():
            entry["mean"] = values.mean()
            entry["std"] = values.std()
            for key, q in [("p25", 0.25), ("p50", 0.5), ("p75", 0.75)]:
                entry[key] = values.quantile(q, interpolation="linear")
        if kind == "text" and values.len():
            lengths = values.str.len_chars()
            entry["length"] = {"min": lengths.min(), "mean": lengths.mean(), "max": lengths.max()}
        columns[column] = entry
    return columns


def main():
    generate_events(HERE / "events.csv")
    for types_path in sorted(HERE.glob("*.types.json")):
        table = types_path.name[: -len(".types.json")]
        path = HERE / f"{table}.csv"
        types = json.loads(types_path.read_text())
        frame, as_read = pandas_frame(path, types["declared"], types["inferred"])
        expected = pandas_figures(frame, types["inferred"], as_read)
        expected["polars"] = polars_figures(path, types["inferred"])
        expected["versions"] = {"pandas": pd.__version__, "polars": pl.__version__, "numpy": np.__version__}
        out = HERE / f"{table}.expected.json"
        out.write_text(json.dumps(expected, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
        print(f"wrote {out.name}: {len(frame)} rows, {len(frame.columns)} columns")


if __name__ == "__main__":
    main()
