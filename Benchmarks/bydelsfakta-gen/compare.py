#!/usr/bin/env python3
"""Compares the outputs `reportkit-bench pipeline --published ROOT` left in its store with the
original's in ROOT: meta.publishedDate aside, numbers to 1e-9, `data` in any order (as the
parity tests do). Usage: compare.py ROOT STORE. Prints one line per function and type."""
import json
import os
import sys


def difference(a, b, path):
    if isinstance(a, bool) or isinstance(b, bool):
        return None if a == b else "%s: %r != %r" % (path, a, b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return None if abs(a - b) <= 1e-9 * max(1, abs(b)) else "%s: %r != %r" % (path, a, b)
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return "%s: %d elements, expected %d" % (path, len(a), len(b))
        if path.endswith(".data"):
            a = sorted(a, key=lambda e: e.get("id", ""))
            b = sorted(b, key=lambda e: e.get("id", ""))
        for i, (x, y) in enumerate(zip(a, b)):
            d = difference(x, y, "%s[%d]" % (path, i))
            if d:
                return d
        return None
    if isinstance(a, dict) and isinstance(b, dict):
        keys = set(a) | set(b)
        if path.endswith(".meta"):
            keys.discard("publishedDate")
        for k in sorted(keys):
            if k not in a or k not in b:
                return "%s.%s: present on one side only" % (path, k)
            d = difference(a[k], b[k], "%s.%s" % (path, k))
            if d:
                return d
        return None
    return None if a == b else "%s: %r != %r" % (path, a, b)


def main(root, store):
    bad = 0
    for module in sorted(os.listdir(root)):
        folder = os.path.join(root, module)
        if not os.path.isdir(folder):
            continue
        for output in sorted(o for o in os.listdir(folder) if o.startswith("output_")):
            kind = output[len("output_"):]
            ours = os.path.join(store, "intermediate", "bench", "%s-%s" % (module, kind), "lambda_invoker")
            expected = os.path.join(folder, output)
            names = sorted(os.listdir(expected))
            have = sorted(os.listdir(ours)) if os.path.isdir(ours) else []
            problem = None if have == names else "files %s, expected %s" % (have[:5], names[:5])
            for name in names if problem is None else []:
                with open(os.path.join(ours, name), encoding="utf-8") as f:
                    a = json.load(f)
                with open(os.path.join(expected, name), encoding="utf-8") as f:
                    b = json.load(f)
                problem = difference(a, b, name)
                if problem:
                    break
            bad += problem is not None
            print("%-34s %-22s %s" % (module, kind, problem or "same"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
