#!/usr/bin/env python3
"""Check the Ratbot eval/training question files.

Usage: check-labels.py [FILE.jsonl ...]   (default: every *.jsonl next to this script but owners-dev.jsonl)

Each line must be a JSON object {"q": str, "expect": [phrases] | null,
"kind": "in"|"near"|"offtopic"|"smalltalk", "health": true (optional, near only)}.
For kind "in", expect is a list of 1-3 phrases (4-10 words, no Markdown) and every
phrase must occur (case-insensitive, whitespace folded) in one line/paragraph of
the pack text with Markdown markup stripped. Other kinds have expect null.
Also flags posts repeated within or across files (and against the shared dev set).
Prints counts per file and kind; exits 1 on any problem.
"""
import glob, json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
PACK = os.path.join(HERE, "..", "knowledge", "src", "main", "resources", "ratbot", "packs", "default")
# The project's copy of the shared real posts: labelled by others, so not checked, only guarded against.
DEV = os.path.join(HERE, "owners-dev.jsonl")
KINDS = ("in", "near", "offtopic", "smalltalk")

def fold(s):
    return re.sub(r"\s+", " ", s).strip().lower()

def strip_md(text):
    if text.startswith("---"):
        text = text.split("\n---\n", 1)[-1]
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    out = []
    for line in text.splitlines():
        line = re.sub(r"^\s*#+\s*", "", line)          # headings
        line = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line)  # list markers
        line = re.sub(r"[*_`]+", "", line)             # emphasis / code
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)  # links
        out.append(fold(line))
    return [l for l in out if l]

def main(files):
    lines = []
    for f in sorted(glob.glob(os.path.join(PACK, "*.md"))):
        lines += strip_md(open(f, encoding="utf-8").read())
    whole = " ".join(lines)
    problems, seen = [], {}
    if os.path.exists(DEV):
        for l in open(DEV, encoding="utf-8"):
            if l.strip():
                seen[fold(json.loads(l)["q"])] = "owners-dev.jsonl"
    grand = Counter()
    for path in files:
        name = os.path.basename(path)
        counts, health = Counter(), 0
        with open(path, encoding="utf-8") as fh:
            for n, raw in enumerate(fh, 1):
                where = f"{name}:{n}"
                if not raw.strip():
                    problems.append(f"{where}: blank line"); continue
                try:
                    it = json.loads(raw)
                except Exception as e:
                    problems.append(f"{where}: bad JSON ({e})"); continue
                if not isinstance(it, dict):
                    problems.append(f"{where}: not an object"); continue
                extra = set(it) - {"q", "expect", "kind", "health"}
                if extra: problems.append(f"{where}: unknown fields {sorted(extra)}")
                q, kind, exp = it.get("q"), it.get("kind"), it.get("expect", "MISSING")
                if not isinstance(q, str) or not q.strip():
                    problems.append(f"{where}: q missing or empty"); q = ""
                if kind not in KINDS:
                    problems.append(f"{where}: bad kind {kind!r}")
                counts[kind] += 1
                if "health" in it:
                    if it["health"] is not True: problems.append(f"{where}: health must be true or absent")
                    elif kind != "near": problems.append(f"{where}: health only on kind near")
                    else: health += 1
                if kind == "in":
                    if not isinstance(exp, list) or not 1 <= len(exp) <= 3:
                        problems.append(f"{where}: kind in needs 1-3 expect phrases"); exp = []
                    for e in exp:
                        if not isinstance(e, str):
                            problems.append(f"{where}: phrase not a string"); continue
                        if re.search(r"[*#`_]|^\s*-\s", e):
                            problems.append(f"{where}: Markdown in phrase {e!r}")
                        w = len(e.split())
                        if not 4 <= w <= 10:
                            problems.append(f"{where}: phrase has {w} words (want 4-10): {e!r}")
                        fe = fold(e)
                        if fe not in whole:
                            problems.append(f"{where}: phrase not in pack: {e!r}")
                        elif not any(fe in l for l in lines):
                            problems.append(f"{where}: phrase spans paragraphs: {e!r}")
                elif exp is not None:
                    problems.append(f"{where}: expect must be null for kind {kind}")
                key = fold(q)
                if key in seen:
                    problems.append(f"{where}: duplicate post (also in {seen[key]}): {q[:60]!r}")
                else:
                    seen[key] = where
        grand.update(counts)
        print(f"{name:22} total {sum(counts.values()):4}  " + "  ".join(f"{k} {counts[k]}" for k in KINDS) + f"  (health {health})")
    print(f"{'ALL':22} total {sum(grand.values()):4}  " + "  ".join(f"{k} {grand[k]}" for k in KINDS))
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0

if __name__ == "__main__":
    args = sys.argv[1:] or sorted(f for f in glob.glob(os.path.join(HERE, "*.jsonl")) if f != DEV)
    if not args:
        print("no .jsonl files found"); sys.exit(1)
    sys.exit(main(args))
