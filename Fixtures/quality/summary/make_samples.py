"""Writes samples.csv and samples_day2.csv (seeded, deterministic): python3 make_samples.py

Day 2: the first two `active` statuses become `N/A`, and the first `Kraków` site becomes
`Zürich`; nothing else changes."""
import csv
import os
import random

rng = random.Random(12)
HERE = os.path.dirname(os.path.abspath(__file__))


def pick(weights):
    values = [value for value, weight in weights for _ in range(weight)]
    rng.shuffle(values)
    return values


ROWS = 60
sites = pick([('Tromsø', 18), ('São Paulo', 14), ('Zürich', 10), ('Kraków', 7), ('Oslo, Norway', 5),
              ('"Quoted" site', 3), ('', 3)])
status = pick([('active', 20), ('N/A', 12), ('closed', 9), ('NA', 8), ('null', 5), ('', 6)])
consented = pick([('True', 37), ('False', 23)])
flagged = pick([('True', 11), ('False', 31), ('', 18)])
codes = pick([('C%02d' % i, 2) for i in range(25)] + [('C99', 10)])
rows = []
for i in range(ROWS):
    age = '' if i % 9 == 4 else str(rng.randint(30, 6000))
    visits = str(rng.choice([1, 1, 1, 2, 2, 3, 5, 8]) if i % 7 else 13)
    volume = '' if i % 11 == 3 else repr(round(rng.uniform(0.5, 250.0), rng.choice([1, 2, 6, 12])))
    collected = '' if i % 8 == 5 else '2024-%02d-%02d' % (rng.randint(1, 3), rng.randint(1, 28))
    received = '2024-03-%02d %02d:%02d:%02d' % (rng.randint(1, 14), rng.randint(0, 23), rng.randint(0, 59), rng.choice([0, 0, 30, 45]))
    if i == 0:
        received = '2024-03-20 12:00:00'
    rows.append(['S%04d' % (i + 1), 'KF%03d' % i, 'u-%04x' % rng.getrandbits(16), sites[i], status[i],
                 age, visits, volume, consented[i], flagged[i], collected, received, codes[i]])
HEADER = ['sample_id', 'kf_id', 'uuid', 'site', 'status', 'age_days', 'visits', 'volume_ml',
          'consented', 'flagged', 'collected_on', 'received_at', 'code']


def write(name, table):
    with open(os.path.join(HERE, name), 'w', newline='') as f:
        writer = csv.writer(f, lineterminator='\n')
        writer.writerow(HEADER)
        writer.writerows(table)


write('samples.csv', rows)
day2 = [list(row) for row in rows]
active = [row for row in day2 if row[4] == 'active']
for row in active[:2]:
    row[4] = 'N/A'
next(row for row in day2 if row[3] == 'Kraków')[3] = 'Zürich'
write('samples_day2.csv', day2)
