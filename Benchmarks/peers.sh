#!/usr/bin/env bash
# Profile and checks against the peers, in one run on one file read from the page cache:
#   1. reportcli profile --data FILE --format json                    (release build)
#   2. pandas: read_csv + describe(include='all') + value_counts() of every column (the original's method)
#   3. polars: read_csv + describe() + value_counts() of every column
#   4. reportcli check --checks Benchmarks/checks-20.yaml --data peers=FILE
#   5. Soda Core 3.5.6 scan of the same 20 checks (duckdb data source, the CSV loaded with read_csv_auto)
# Usage: Benchmarks/peers.sh [ROWS]   (default 10000000, about 1 GB)
# The CSV (`reportkit-bench peers-table`) is cached under ${TMPDIR:-/tmp}/reportkit-peers; the Python
# tools live in a virtual environment outside the tree, made once:
# ${XDG_CACHE_HOME:-~/.cache}/reportkit/peers-venv (pandas, polars, soda-core-duckdb==3.5.6; PEERS_PYTHON
# picks the Python that makes it, default python3; Soda Core 3.5.6 wants Python 3.8–3.11).
# Prints per tool: seconds (wall), CPU seconds (user + sys, all threads), MB/s (file bytes / wall
# seconds), MB per CPU second (the figure that holds on a loaded machine), peak MiB (max RSS), exit status; then each tool's figures for two columns and five checks, to compare.
# Not part of the tests or .ci/run: it prints, never asserts.
# On a machine that drops the page cache within seconds (seen on this machine kind: a file read
# with `cat` was 0 B resident minutes later, `fincore` shows it), TMPDIR=/dev/shm keeps the file in
# memory, so no tool's figure includes reading the disk.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-10000000}"
work="${TMPDIR:-/tmp}/reportkit-peers"
venv="${XDG_CACHE_HOME:-$HOME/.cache}/reportkit/peers-venv"
checks="Benchmarks/checks-20.yaml"
now="2025-01-01T00:00:00Z"
mkdir -p "$work"

swift build -c release --product reportcli >&2
# The nested package keeps its own copy of the root package's file list: touching its manifest
# makes SwiftPM read the list again, so a source file added to ReportKit is not missed.
touch Benchmarks/Package.swift
swift build -c release --package-path Benchmarks >&2
bench="$(swift build -c release --package-path Benchmarks --show-bin-path)/reportkit-bench"
cli="$(swift build -c release --show-bin-path)/reportcli"

if [ ! -x "$venv/bin/python" ]; then
    "${PEERS_PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/pip" install --quiet pandas polars soda-core-duckdb==3.5.6 >&2
fi
python="$venv/bin/python"

file="$work/peers-$rows.csv"
if [ ! -s "$file" ]; then
    "$bench" peers-table --rows "$rows" --out "$file.partial" >&2
    mv "$file.partial" "$file"
fi
bytes="$(stat -c %s "$file")"
# Into the page cache, twice, so every tool reads it from memory.
cat "$file" >/dev/null
cat "$file" >/dev/null

profile_types="id=integer,qty=integer,amount=number,note=text,category=text,active=boolean,created_at=timestamp,day=date"
check_types="peers.${profile_types//,/,peers.}"

results="$work/results-$rows.txt"
: >"$results"
echo "file: $file, $rows rows, $bytes bytes; $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"

# measure NAME COMMAND…: runs the command once under /usr/bin/time; its stdout goes to $work/NAME.out,
# its stderr to $work/NAME.err, and one line of figures to $results.
measure() {
    local name="$1"; shift
    local report="$work/$name.time"
    echo "running $name" >&2
    /usr/bin/time -f "%e %U %S %M %x" -o "$report" "$@" >"$work/$name.out" 2>"$work/$name.err" || true
    read -r wall user sys kilobytes status < <(tail -n 1 "$report")
    awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v k="$kilobytes" -v x="$status" -v b="$bytes" \
        'BEGIN { printf "%-18s %9.2f %9.2f %9.1f %9.1f %10.0f %5d\n", n, w, u + s, b / 1e6 / w, b / 1e6 / (u + s), k / 1024, x }' >>"$results"
}

measure "reportcli-profile" "$cli" profile --data "$file" --format json --types "$profile_types"

measure "pandas" "$python" - "$file" <<'PY'
import sys
import pandas as pd
frame = pd.read_csv(sys.argv[1], parse_dates=["created_at", "day"])
summary = frame.describe(include="all")
counts = {column: frame[column].value_counts() for column in frame.columns}
a = summary["amount"]
print(f"amount    count {int(a['count'])} mean {a['mean']:.6f} std {a['std']:.6f} min {a['min']} p50 {a['50%']} max {a['max']}")
c = counts["category"]
print(f"category  count {int(frame['category'].count())} distinct {len(c)} top {c.index[0]} freq {c.iloc[0]}")
print(f"note      count {int(frame['note'].count())} distinct {len(counts['note'])}")
print(f"created_at min {frame['created_at'].min()} max {frame['created_at'].max()}")
PY

measure "polars" "$python" - "$file" <<'PY'
import sys
import polars as pl
frame = pl.read_csv(sys.argv[1], try_parse_dates=True)
summary = frame.describe()
counts = {column: frame[column].value_counts(sort=True) for column in frame.columns}
row = {statistic: value for statistic, value in zip(summary["statistic"], summary["amount"])}
print(f"amount    count {int(row['count'])} mean {row['mean']:.6f} std {row['std']:.6f} min {row['min']} p50 {row['50%']} max {row['max']}")
top = counts["category"].drop_nulls("category")
print(f"category  count {frame['category'].count()} distinct {top.height} top {top['category'][0]} freq {top['count'][0]}")
print(f"note      count {frame['note'].count()} distinct {counts['note'].drop_nulls('note').height}")
print(f"created_at min {frame['created_at'].min()} max {frame['created_at'].max()}")
PY

measure "reportcli-check" "$cli" check --checks "$checks" --data "peers=$file" --types "$check_types" --now "$now"

measure "soda-core" "$python" - "$file" "$checks" "$now" <<'PY'
import json, sys, time
import duckdb
from soda.scan import Scan
path, checks, now = sys.argv[1:4]
started = time.time()
con = duckdb.connect(":memory:")
con.execute(f"CREATE TABLE peers AS SELECT * FROM read_csv_auto('{path}')")
loaded = time.time()
scan = Scan()
scan.set_data_source_name("duckdb")
scan.add_duckdb_connection(con, data_source_name="duckdb")
scan.add_variables({"NOW": now.replace("Z", "+00:00")})
scan.add_sodacl_yaml_file(checks)
status = scan.execute()
print(f"read_csv_auto {loaded - started:.2f} s, scan {time.time() - loaded:.2f} s, exit {status}", file=sys.stderr)
values = {}
for check in scan._checks:
    value = getattr(check, "check_value", None)
    if value is None:  # freshness: Soda keeps the age in the diagnostics
        value = check.get_cloud_diagnostics_dict().get("freshness")
    values[check.check_cfg.source_line] = {"outcome": check.outcome.value if check.outcome else None,
                                           "value": float(value) if isinstance(value, (int, float)) or hasattr(value, "as_tuple") else value}
print(json.dumps(values, default=str))
PY

echo
printf "%-18s %9s %9s %9s %9s %10s %5s\n" "tool" "seconds" "CPU s" "MB/s" "MB/CPU s" "peak MiB" "exit"
cat "$results"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

# The same figures from each tool, so a reader sees they computed the same thing.
echo
echo "reportcli profile:"
"$python" - "$work/reportcli-profile.out" <<'PY'
import json, sys
profile = json.load(open(sys.argv[1]))
columns = {c["name"]: c for c in profile["columns"]}
def show(name, keys):
    c = columns[name]
    print(f"  {name:<9} " + " ".join(f"{k} {json.dumps(c.get(k))}" for k in keys))
show("amount", ["count", "missing", "mean", "std", "min", "p50", "max"])
show("category", ["count", "distinct", "top", "freq"])
show("note", ["count", "distinct"])
show("created_at", ["min", "max"])
PY
for tool in pandas polars; do
    echo "$tool:"
    sed 's/^/  /' "$work/$tool.out"
done
echo "checks (value, outcome):"
"$python" - "$work/reportcli-check.out" "$work/soda-core.out" <<'PY'
import json, sys
ours = {c["check"]: c for c in json.load(open(sys.argv[1]))["checks"]}
try:
    theirs = json.load(open(sys.argv[2]))
except Exception:
    theirs = {}
print(f"  {'check':<45} {'reportcli check':>28} {'Soda Core':>28}")
for text, check in ours.items():
    soda = theirs.get(text, {})
    print(f"  {text:<45} {str(check.get('value')) + ' ' + check['outcome']:>28} {str(soda.get('value')) + ' ' + str(soda.get('outcome')):>28}")
PY
grep -h "read_csv_auto" "$work/soda-core.err" | sed 's/^/Soda Core: /' || true
