#!/usr/bin/env python3
"""Writes cases.json: each pattern of PATTERNS against each of its inputs, with the verdict of
RE2 (duckdb's regexp_matches, the engine behind Soda Core's duckdb checks) and of Python's `re`
(re.search on the str). ByteRegexTests reads the file and expects ByteRegex to give RE2's
verdict on every case. Run with a Python that has duckdb (1.0.0 made the committed file):

    /work/research/soda-venv/bin/python Fixtures/regex/make_cases.py
"""
import json
import os
import re

import duckdb

COMMON = ["", "a", "abc", "ABC", "aaa", "b", "ab", "ba", "abab", "xyz", "a\nb", "abc\n", "\n",
          "12", "1234", "12345", " 42 ", "x7y", "é", "naïve", "日本語", "a日b", "😀", "a😀b",
          "AB-1234", "ab-1234", "AB-12345", "-", "a-b", "]", "[", "a.b", "a*b", "a+b", "a?b",
          "a{2}", "\t", "\r\n", "\x0b", "\x0c", "_", "a_b", "foo@example.com", "bar.baz@x.org",
          "2024-03-05", "2024-3-5T10:00:00", "\u00a0", "٣", "ａ"]

PATTERNS = [
    "a", "abc", "^abc$", "^a", "a$", "c$", "^$", "$", "^", "", "b+", "^b*$", "a*", "a+b", "^a?b$",
    ".", "^.$", "^..$", "^...$", "a.b", "^.*$", "^.+$", "a.*b", "a.*?b", "a+?", "^(ab)+$",
    "^(?:ab)+$", "(a|b)c", "^(a|b|c)+$", "ab|cd", "^ab|cd$", "^(ab|cd)$", "x|", "|x", "()", "(|a)b",
    "^a{2}$", "^a{2,}$", "^a{1,2}$", "^a{0,2}$", "^a{3}$", "^a{2,3}?$", "^[0-9]{4}$", "^[0-9]{2,4}$",
    "[abc]", "^[abc]+$", "[^abc]", "^[^abc]*$", "[a-z]", "^[a-z]+$", "[A-Z]", "^[A-Z]{2}-[0-9]{4}$",
    "[-a]", "[a-]", "^[a-c-]+$", "[.]", "[*+?]", "[\\]]", "[\\[]", "[\\\\]", "[\\-]", "[\\^a]",
    "[^\\n]", "^[^\\n]+$", "[\\d]", "^[\\d.]+$", "[\\w-]", "[\\s]",
    "\\d", "^\\d+$", "\\D", "^\\D+$", "\\w", "^\\w+$", "\\W", "\\s", "^\\s*$", "\\S", "^\\S+$",
    "\\.", "a\\.b", "\\*", "\\+", "\\?", "\\(", "\\)", "\\[", "\\]", "\\{", "\\}", "\\|", "\\^", "\\$",
    "\\\\", "\\-", "\\/", "\\n", "\\t", "\\r", "\\f", "\\v", "\\x41", "\\x{41}", "\\x{e9}", "\\x{1F600}",
    "é", "^.ï", "^na.ve$", "^...$", "日", "^[日本]+", "[^a-z]", "^[^a-z]$", "[é-ï]", "[\\x{1F600}-\\x{1F64F}]",
    "[À-ÿ]", "^[a-zA-Z\u00c0-\u00ff\u0100-\u017f]+$", "^.{3}$", "^.{1,2}$",
    "^[^@]*$", "@", "^[a-z.]+@[a-z.]+\\.[a-z]{2,4}$", "(\\.org|\\.net)$", "/|kno", "pend", "^(pend|unk)",
    "^ *[-+]? *[0-9]+ *$", "^[12][0-9]{3}-?((0[1-9]|1[012])-?(0[1-9]|[12][0-9]|3[01]))",
    "a|b|c", "(a|ab)(c|bcd)", "^(a+)+$", "(a*)*b", "(a|aa)*$", "^(a?){3}a{3}$", "((a)|b)+",
    "^(?:a|b)*?c$", "a{0}", "^a{0}$", "^(?:)$", "^\\x00$", ".*", ".+", "\\n$", "^\\n", "b$",
]

# Long and pathological inputs for a few patterns (backtracking engines take exponential time).
LONG = {
    "^(a+)+$": ["a" * 5000 + "b", "a" * 5000],
    "(a*)*b": ["a" * 5000, "a" * 5000 + "b"],
    "(a|aa)*$": ["a" * 5000 + "!"],
    "^(?:a|b)*?c$": ["ab" * 3000 + "c", "ab" * 3000],
    "^(a?){3}a{3}$": ["aaa", "aaaaaa", "aaaaaaa"],
    ".*": ["x" * 10000],
    "^.{3}$": ["é日😀", "é日😀x"],
}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    db = duckdb.connect()
    cases = []
    for pattern in PATTERNS:
        for text in COMMON + LONG.get(pattern, []):
            re2 = db.execute("select regexp_matches(?, ?)", [text, pattern]).fetchone()[0]
            # Python's backtracking takes exponential time on the long inputs; some escapes
            # (\x{41}) are not Python's: no Python verdict (null) for those.
            try:
                python = None if text in LONG.get(pattern, []) else re.search(pattern, text) is not None
            except re.error:
                python = None
            cases.append({"pattern": pattern, "input": text, "re2": bool(re2), "python": python})
    with open(os.path.join(here, "cases.json"), "w", encoding="utf-8") as f:
        json.dump({"engine": f"duckdb {duckdb.__version__} regexp_matches (RE2); Python re.search",
                   "cases": cases}, f, ensure_ascii=False, indent=0)
        f.write("\n")
    differ = sum(1 for c in cases if c["python"] is not None and c["re2"] != c["python"])
    print(f"{len(cases)} cases ({len(PATTERNS)} patterns), RE2 and Python differ on {differ}")


main()
