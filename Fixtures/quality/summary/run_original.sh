#!/bin/sh
# Runs the ORIGINAL summary and change reports (kids-first/kf-lambda-quality-reports at
# 2c2c79c, unchanged) on this folder's tables through the local runner, and writes their
# outputs under expected/. See SOURCE.md. Usage: sh Fixtures/quality/summary/run_original.sh
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=$HERE/../data
RUNNER=${RUNNER:-/work/research/quality-runner}
PY=${PY:-/work/research/quality-orig-venv/bin/python}
OUT=$HERE/expected
TYPES=samples.consented=boolean,samples.flagged=boolean,samples.collected_on=date,samples.received_at=timestamp,participant.enrolled_on=date,biospecimen.visible=boolean
# Day 2's biospecimen has no shipped_on.
DAY1_TYPES=$TYPES,biospecimen.shipped_on=date
rm -rf "$OUT" && mkdir -p "$OUT"
cd "$RUNNER"
"$PY" run.py summary --date 20240314 --out "$OUT/day1" --types "$DAY1_TYPES" \
    --csv samples="$HERE/samples.csv" --csv participant="$DATA/participant.csv" --csv biospecimen="$DATA/biospecimen.csv" >/dev/null
"$PY" run.py summary --date 20240315 --out "$OUT/day2" --types "$TYPES" \
    --csv samples="$HERE/samples_day2.csv" --csv participant="$DATA/participant.csv" --csv biospecimen="$DATA/day2/biospecimen.csv" >/dev/null
"$PY" run.py change --prev "$OUT/day1/summaries" --cur "$OUT/day2/summaries" --out "$OUT/change" --seed 0 --date 20240315 \
    --title 'Daily Change Report' --subtitle '20240314 to 20240315' --url-output bucket/20240315-reports/Table_Summary >/dev/null
# The pages load Bootstrap from CDNs and carry no figure the CSV files lack: not kept.
rm -f "$OUT"/day1/*.html "$OUT"/day2/*.html "$OUT"/change/*.html
