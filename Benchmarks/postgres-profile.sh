#!/usr/bin/env bash
# Profiles a generated table on a PostgreSQL server three ways, in one run:
#   1. reportcli profile --data postgres://…?table=bench_rows   (release build; COPY → CSV scanner → profile)
#   2. psql -c "\copy (select * from bench_rows) to '/dev/null' csv"   (the wire's limit: COPY alone)
#   3. pandas read_sql_table + describe(include="all")           (the original's method, psycopg2)
# Usage: Benchmarks/postgres-profile.sh [ROWS]   (default 10000000)
# The server: REPORTKIT_PG_URL and REPORTKIT_PG_PASSWORD as .ci/steps/postgres.sh exports them
# (the user must be able to create the table), else a private cluster (Tests/Scripts/pg_cluster.sh).
# PANDAS_PYTHON: a Python with pandas, sqlalchemy and psycopg2 (default: python3).
# Prints one line per method: seconds (wall), peak memory (max RSS), rows/s.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-10000000}"
python="${PANDAS_PYTHON:-python3}"
if [ -z "${REPORTKIT_PG_URL:-}" ]; then
    cluster="$(mktemp -d "${TMPDIR:-/tmp}/reportkit-bench-pg.XXXXXX")"
    info="$(Tests/Scripts/pg_cluster.sh start "${cluster}")"
    trap 'Tests/Scripts/pg_cluster.sh stop "${cluster}"; rm -rf "${cluster}"' EXIT
    REPORTKIT_PG_URL="postgres://reportkit@127.0.0.1:$(printf '%s\n' "${info}" | sed -n 's/^PORT=//p')/clinic"
    REPORTKIT_PG_PASSWORD="$(printf '%s\n' "${info}" | sed -n 's/^PASSWORD=//p')"
fi
export PGPASSWORD="${REPORTKIT_PG_PASSWORD}"
url="${REPORTKIT_PG_URL}"
swift build -c release --product reportcli >&2
cli="$(swift build -c release --show-bin-path)/reportcli"

# The table: 7 columns of the kinds the quality reports read (integer, text, float, date,
# timestamp with zone, boolean, Unicode text), made once per row count.
have="$(psql "${url}" -Atc "select count(*) from bench_rows" 2>/dev/null || echo 0)"
if [ "${have}" != "${rows}" ]; then
    echo "creating bench_rows with ${rows} rows" >&2
    psql -q "${url}" -v ON_ERROR_STOP=1 <<SQL
DROP TABLE IF EXISTS bench_rows;
CREATE TABLE bench_rows AS
SELECT g AS id, 'PT_' || lpad((g % 5000)::text, 4, '0') AS participant_id, (g % 997) * 0.25 AS volume_ul,
       date '2024-01-01' + (g % 365) AS shipped_on, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second' AS seen_at,
       g % 3 = 0 AS visible, (array['Oslo', 'Tromsø', 'Kraków', 'Zürich', 'São Paulo'])[1 + g % 5] AS site
FROM generate_series(1, ${rows}) AS g;
ALTER TABLE bench_rows ALTER COLUMN volume_ul TYPE double precision;
ANALYZE bench_rows;
SQL
fi
bytes="$(psql "${url}" -Atc "select pg_size_pretty(pg_table_size('bench_rows'))")"
echo "table bench_rows: ${rows} rows, ${bytes} on disk; server $(psql "${url}" -Atc 'show server_version')" >&2

measure() {
    local name="$1"; shift
    local report
    report="$(mktemp)"
    /usr/bin/time -f "%e %M" -o "${report}" "$@" >/dev/null
    read -r seconds kilobytes <"${report}"
    rm -f "${report}"
    awk -v n="${name}" -v s="${seconds}" -v k="${kilobytes}" -v r="${rows}" \
        'BEGIN { printf "%-34s %8.2f s %8.0f MB %12.0f rows/s\n", n, s, k / 1024, r / s }'
}

measure "reportcli profile (COPY, TLS off)" env REPORTKIT_PG_PASSWORD="${PGPASSWORD}" "${cli}" profile --data "${url}?sslmode=disable&table=bench_rows"
measure "reportcli profile (COPY, TLS)" env REPORTKIT_PG_PASSWORD="${PGPASSWORD}" "${cli}" profile --data "${url}?sslmode=require&table=bench_rows"
measure "psql \\copy to /dev/null (TLS off)" psql "${url}?sslmode=disable" -c "\\copy (select * from bench_rows) to '/dev/null' csv"
measure "pandas read_sql_table + describe" "${python}" - "${url}" <<'PY'
import os, sys
import pandas as pd
import sqlalchemy
url = sys.argv[1].replace("postgres://", "postgresql+psycopg2://", 1)
engine = sqlalchemy.create_engine(url, connect_args={"password": os.environ["PGPASSWORD"], "sslmode": "disable"})
frame = pd.read_sql_table("bench_rows", engine)
summary = frame.describe(include="all")
print(summary.shape, file=sys.stderr)
PY
