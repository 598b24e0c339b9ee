#!/usr/bin/env python3
"""Writes the `reportcli check` benchmark table: ROWS rows (default 1,000,000, about 70 MB)
of orders with 6 columns and about 5% missing cells, deterministic (seeded).

Usage: Benchmarks/checks/generate.py OUT.csv [ROWS]   (then run checks.yml on it, see README.md)
"""
import random
import sys

out, rows = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = random.Random(13)
statuses = ["shipped", "pending", "cancelled", "returned", "N/A", "Shipped"]
names = ["anna", "bjorn", "carol", "dave", "eve", "frank", "gøril", "hank", "ivy", "jon"]
domains = ["example.com", "example.org", "post.no", "mail.example.net"]


def missing():
    return rng.random() < 0.05


with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write("order_id,email,status,amount,code,ordered_at\n")
    for i in range(1, rows + 1):
        order_id = str(i if rng.random() > 0.001 else rng.randrange(1, i + 1))
        email = "" if missing() else f"{rng.choice(names)}{rng.randrange(1000)}@{rng.choice(domains)}"
        if email and rng.random() < 0.002:
            email = email.replace("@", " at ")
        status = "" if missing() else rng.choice(statuses)
        amount = "" if missing() else f"{rng.lognormvariate(4, 1.2):.2f}"
        code = "" if missing() else f"{rng.choice('ABCDEFGH')}{rng.choice('XYZ')}-{rng.randrange(10000):04d}"
        if code and rng.random() < 0.003:
            code = code.lower()
        day = 1 + (i * 30) // (rows + 1)
        ordered_at = "" if missing() else f"2024-03-{day:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
        f.write(f"{order_id},{email},{status},{amount},{code},{ordered_at}\n")
