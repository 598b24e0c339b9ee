#!/usr/bin/env python3
"""Runs Soda Core (duckdb data source) on every checks/*.yml and writes expected/<stem>.json.

Usage (from anywhere):  /work/research/soda-venv/bin/python run_soda.py [stem ...]
The tables of tables.json are loaded into a fresh in-memory duckdb connection for every
checks file with an explicit read_csv (declared types, see table_sql), and the scan runs on
that connection. The variables below are passed to every scan.
"""
from __future__ import annotations

import datetime as dt
import decimal
import json
import math
import os
import re
import sys

import duckdb
from soda.__version__ import SODA_CORE_VERSION
from soda.common.log import LogLevel
from soda.sampler.sample_ref import SampleRef
from soda.sampler.sampler import Sampler
from soda.scan import Scan

HERE = os.path.dirname(os.path.abspath(__file__))

# Fixed "now" for freshness checks; MYNOW exercises `freshness(c, MYNOW)`; MIN_ROWS a ${var} threshold.
VARIABLES = {"NOW": "2024-03-10T12:00:00+00:00", "MYNOW": "2024-03-11T00:00:00", "MIN_ROWS": "12"}


def table_sql(name: str, spec: dict) -> str:
    """The exact duckdb statement that loads one fixture table."""
    cols = ", ".join(f"'{c}': '{t}'" for c, t in spec["columns"])
    return (
        f"CREATE TABLE {name} AS SELECT * FROM read_csv('{spec['file']}', header = true, delim = ',', "
        f"quote = '\"', escape = '\"', auto_detect = false, allow_quoted_nulls = false, "
        f"columns = {{{cols}}})"
    )


def jsonable(v):
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            return str(v)
        return v
    if isinstance(v, decimal.Decimal):
        return float(v)
    if isinstance(v, dt.timedelta):
        return {"timedelta": str(v), "seconds": v.total_seconds()}
    if isinstance(v, (dt.datetime, dt.date, dt.time)):
        return v.isoformat()
    if isinstance(v, dict):
        return {str(k): jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, set)):
        return [jsonable(x) for x in v]
    return repr(v)


class CapturingSampler(Sampler):
    """Keeps every sample's rows on its SampleRef so they can be written out per check."""

    def store_sample(self, sample_context) -> SampleRef:
        rows = [tuple(r) for r in sample_context.sample.get_rows()]
        columns = [c.name for c in sample_context.sample.get_schema().columns]
        ref = SampleRef(
            name=sample_context.sample_name,
            schema=sample_context.sample.get_schema(),
            total_row_count=sample_context.sample.get_rows_count(),
            stored_row_count=len(rows),
            type="captured",
        )
        ref.captured_rows = rows
        ref.captured_columns = columns
        ref.captured_table = sample_context.partition.table.table_name if sample_context.partition else None
        return ref


def row_indexes(con, table: str, columns: list[str], row: tuple) -> list[int]:
    """0-based data-row indexes (duckdb rowid, i.e. CSV line - 2) of the rows equal to `row`."""
    conds, params = [], []
    for c, v in zip(columns, row):
        conds.append(f'"{c}" IS NOT DISTINCT FROM ?')
        params.append(v)
    sql = f"SELECT rowid FROM {table} WHERE " + " AND ".join(conds) + " ORDER BY rowid"
    return [r[0] for r in con.execute(sql, params).fetchall()]


def log_text(text: str | None) -> str | None:
    """A log text without duckdb's "Did you mean …?" hint, whose suggestion varies between runs."""
    return re.sub(r'\nDid you mean "[^"]*"\?', "", text) if text else text


def run(stem: str) -> dict:
    os.chdir(HERE)
    tables = json.load(open("tables.json"))
    con = duckdb.connect(":memory:")
    con.execute("SET threads = 1")
    for name, spec in tables.items():
        con.execute(table_sql(name, spec))

    scan = Scan()
    scan.set_data_source_name("duckdb")
    scan.add_duckdb_connection(con, data_source_name="duckdb")
    scan.add_variables(VARIABLES)
    scan.sampler = CapturingSampler()
    checks_path = f"checks/{stem}.yml"
    scan.add_sodacl_yaml_file(checks_path)
    exit_code = scan.execute()

    in_results = {c.get("identity") for c in scan.get_scan_results().get("checks", [])}
    logs = [
        {
            "level": log.level.value,
            "message": log_text(log.message),
            "line": log.location.line if log.location else None,
            "col": log.location.col if log.location else None,
            "exception": log_text(str(log.exception)) if log.exception else None,
        }
        for log in scan._logs.logs
        if log.level in (LogLevel.ERROR, LogLevel.WARNING)
    ]
    # An ERROR log with a line belongs to the check whose block holds that line (the check with the
    # greatest start line <= the log's line); such a check's outcome is reported as "error".
    check_lines = sorted({c.check_cfg.location.line for c in scan._checks if c.check_cfg.location})
    error_lines = set()
    for l in logs:
        if l["level"] == "ERROR" and l["line"] is not None:
            owners = [x for x in check_lines if x <= l["line"]]
            if owners:
                error_lines.add(owners[-1])

    checks = []
    for check in scan._checks:
        cfg = check.check_cfg
        raw = check.outcome.value if check.outcome else None
        line = cfg.location.line if cfg.location else None
        entry = {
            "line": line,
            "col": cfg.location.col if cfg.location else None,
            "dataset": check.partition.table.table_name if check.partition else None,
            "column": check.column.column_name if check.column else None,
            "check": cfg.source_line,
            "configurations": jsonable(cfg.source_configurations) if isinstance(cfg.source_configurations, dict) else None,
            "name": check.name,
            "soda_outcome": raw,
            "outcome": "error" if raw is None or line in error_lines else raw,
            "in_scan_results": check.create_identity(with_datasource=True, with_filename=True) in in_results,
            "value": jsonable(getattr(check, "check_value", None)),
        }
        fv = getattr(check, "formula_values", None)
        if fv:
            entry["formula_values"] = jsonable(fv)
        diag = check.get_cloud_diagnostics_dict()
        for k in ("blocks", "valueSeries", "preferredChart", "valueLabel"):  # Soda Cloud chart hints
            diag.pop(k, None)
        entry["diagnostics"] = jsonable(diag)
        if getattr(check, "diagnostic_values", None):
            entry["diagnostic_values"] = jsonable(check.diagnostic_values)
        if hasattr(cfg, "fail_freshness_threshold"):
            entry["freshness_thresholds"] = {
                "fail": jsonable(cfg.fail_freshness_threshold),
                "warn": jsonable(cfg.warn_freshness_threshold),
                "variable": cfg.variable_name,
            }
        if getattr(check, "measured_schema", None):
            entry["measured_schema"] = jsonable(check.measured_schema)
        ref = check.failed_rows_sample_ref
        if ref is not None and hasattr(ref, "captured_rows"):
            cols = ref.captured_columns
            rows = []
            for r in ref.captured_rows:
                idx = row_indexes(con, ref.captured_table, cols, r) if ref.captured_table else []
                rows.append({"row": jsonable(list(r)), "row_indexes": idx})
            rows.sort(key=lambda x: (x["row_indexes"] or [10**9], json.dumps(x["row"], sort_keys=True)))
            entry["failed_rows_sample"] = {
                "sample_name": ref.name,
                "columns": cols,
                "total_row_count": ref.total_row_count,
                "rows": rows,
            }
        checks.append(entry)
    checks.sort(key=lambda c: (c["line"] or 0, c["col"] or 0))

    outcomes = [c["outcome"] for c in checks]
    return {
        "checks_file": checks_path,
        "soda_core_version": SODA_CORE_VERSION,
        "duckdb_version": duckdb.__version__,
        "variables": VARIABLES,
        "scan_exit_code": exit_code,
        "scan_has_error_logs": scan.has_error_logs(),
        "logs": logs,
        "checks": checks,
        "summary": {
            "checks": len(checks),
            "pass": outcomes.count("pass"),
            "warn": outcomes.count("warn"),
            "fail": outcomes.count("fail"),
            "error": outcomes.count("error"),
        },
    }


def main(argv: list[str]) -> None:
    stems = argv or sorted(f[:-4] for f in os.listdir(os.path.join(HERE, "checks")) if f.endswith(".yml"))
    if len(stems) > 1:
        # One process per checks file: Soda numbers queries with process-wide counters that show up in
        # its error messages, so a fresh process keeps every expected file independent of the others.
        import subprocess

        for stem in stems:
            subprocess.run([sys.executable, os.path.abspath(__file__), stem], check=True)
        return
    os.makedirs(os.path.join(HERE, "expected"), exist_ok=True)
    for stem in stems:
        result = run(stem)
        with open(os.path.join(HERE, "expected", f"{stem}.json"), "w", encoding="utf-8") as f:
            json.dump(result, f, indent=2, sort_keys=True, ensure_ascii=False)
            f.write("\n")
        s = result["summary"]
        print(f"{stem}: {s['checks']} checks: {s['pass']} passed, {s['warn']} warned, {s['fail']} failed, {s['error']} errors; exit {result['scan_exit_code']}")


if __name__ == "__main__":
    main(sys.argv[1:])
