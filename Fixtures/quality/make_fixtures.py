#!/usr/bin/env python3
"""Writes the synthetic clinic fixtures: clinic.sql (the script), clinic.db (built from it),
data/participant.csv, data/biospecimen.csv and the second day data/day2/biospecimen.csv.

Deterministic (a fixed seed); run from anywhere: python3 Fixtures/quality/make_fixtures.py
"""
import csv
import os
import random
import sqlite3

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20240315)

SEXES = ["Female", "Male", "Unknown"]
ETHNICITIES = ["Hispanic or Latino", "Not Hispanic or Latino", "N/A", None]
CONSENTS = ["GRU", "HMB", "DS-CA", "GRU-IRB", None]
COMPOSITIONS = ["Peripheral Whole Blood", "Saliva", "Tumor", "Plasma", "Bone Marrow"]
SITES = ["Tromsø", "São Paulo", "Zürich", "Philadelphia", "Kraków"]


def sql_literal(value):
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def csv_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"  # pandas' spelling of a boolean column
    return repr(value) if isinstance(value, float) else str(value)


participants = []
for n in range(1, 31):
    participants.append({
        "participant_id": f"PT_{n:04d}",
        "sex": rng.choice(SEXES),
        "age_at_enrollment": None if n % 11 == 0 else rng.randint(0, 80),
        "ethnicity": rng.choice(ETHNICITIES),
        "enrolled_on": f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "consent_code": rng.choice(CONSENTS),
    })

biospecimens = []
for n in range(1, 41):
    biospecimens.append({
        "biospecimen_id": f"BS_{n:04d}",
        "participant_id": rng.choice(participants)["participant_id"],
        "composition": rng.choice(COMPOSITIONS),
        "volume_ul": None if n % 9 == 0 else round(rng.uniform(50, 500), rng.choice([0, 1, 2])),
        "shipped_on": None if n % 13 == 0 else f"2024-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}",
        "visible": rng.random() > 0.2,
        "consent_code": rng.choice(CONSENTS),
    })

visits = []
for n in range(1, 37):
    visits.append({
        "visit_id": n,
        "participant_id": rng.choice(participants)["participant_id"],
        "visited_at": f"2024-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}T{rng.randint(7, 17):02d}:{rng.choice(['00', '15', '30', '45'])}:00Z",
        "site": None if n % 10 == 0 else rng.choice(SITES),
    })

SCHEMA = """-- Synthetic clinic data for ReportKit's quality-report fixtures (made here; no real people).
-- Built into clinic.db by make_fixtures.py: sqlite3 clinic.db < clinic.sql
CREATE TABLE participant (
    participant_id TEXT PRIMARY KEY,
    sex TEXT,
    age_at_enrollment INTEGER,
    ethnicity TEXT,
    enrolled_on DATE,
    consent_code TEXT
);
CREATE TABLE biospecimen (
    biospecimen_id TEXT PRIMARY KEY,
    participant_id TEXT REFERENCES participant (participant_id),
    composition TEXT,
    volume_ul REAL,
    shipped_on DATE,
    visible BOOLEAN,
    consent_code TEXT
);
CREATE TABLE visits (
    visit_id INTEGER PRIMARY KEY,
    participant_id TEXT REFERENCES participant (participant_id),
    visited_at TIMESTAMP,
    site TEXT
);
"""


def inserts(table, rows):
    columns = list(rows[0].keys())
    lines = []
    for row in rows:
        values = ", ".join(sql_literal(row[c]) for c in columns)
        lines.append(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({values});")
    return "\n".join(lines) + "\n"


script = SCHEMA + "BEGIN;\n" + inserts("participant", participants) + inserts("biospecimen", biospecimens) \
    + inserts("visits", visits) + "COMMIT;\n"
with open(os.path.join(HERE, "clinic.sql"), "w", encoding="utf-8", newline="\n") as f:
    f.write(script)

db_path = os.path.join(HERE, "clinic.db")
if os.path.exists(db_path):
    os.remove(db_path)
connection = sqlite3.connect(db_path)
connection.executescript(script)
connection.execute("VACUUM")
connection.close()


def write_csv(path, rows, columns):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_text(row.get(c)) for c in columns])


write_csv(os.path.join(HERE, "data", "participant.csv"), participants, list(participants[0].keys()))
write_csv(os.path.join(HERE, "data", "biospecimen.csv"), biospecimens, list(biospecimens[0].keys()))

# Day two: a few values change, `shipped_on` is gone, `analyte_type` is new, two rows arrive.
day2 = [dict(row) for row in biospecimens]
for index in (2, 7, 19):
    day2[index]["composition"] = "Saliva" if day2[index]["composition"] != "Saliva" else "Plasma"
for index in (4, 11):
    day2[index]["consent_code"] = "HMB"
day2[30]["visible"] = not day2[30]["visible"]
for n in (41, 42):
    day2.append({"biospecimen_id": f"BS_{n:04d}", "participant_id": "PT_0003", "composition": "Tumor",
                 "volume_ul": 120.5, "visible": True, "consent_code": "GRU"})
for row in day2:
    row.pop("shipped_on", None)
    row["analyte_type"] = "DNA" if row["composition"] in ("Tumor", "Peripheral Whole Blood") else "RNA"
write_csv(os.path.join(HERE, "data", "day2", "biospecimen.csv"), day2,
          ["biospecimen_id", "participant_id", "composition", "volume_ul", "visible", "consent_code", "analyte_type"])
