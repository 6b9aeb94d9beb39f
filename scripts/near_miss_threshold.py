"""Measure the near-miss threshold of table labels (parse/table_labels.NEAR_MISS_SCORE).

Two counts per candidate threshold:
  * true labels accepted: every template label of five characters or more, changed by one edit
    (a character lost, a character swapped for one from another label, a two-character word
    replaced), and how many of those mutants go back to their own label (right) or to another
    label (wrong);
  * corpus cells accepted: every text cell of a table in the real reports (seeds, corpus pages,
    corpus full) that is no exact label, and how many of them a threshold would take for a label
    (each is printed with its best label and score, to be judged by hand).

    python scripts/near_miss_threshold.py [SHARED_DIR]

Results of the last run are in the module docstring of parse/table_labels.py's thresholds.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from rapidfuzz import fuzz, process

import reportlint.parse.tables as tables
from reportlint.api import parse_path
from reportlint.parse.table_labels import MIN_NEAR_MISS_CHARS, near_label, vocabulary

THRESHOLDS = (70.0, 75.0, 78.0, 80.0, 82.0, 85.0, 88.0, 90.0)


def mutants(label: str, pool: str, rng: random.Random) -> list[str]:
    """One-edit variants of a folded label: each character lost, swapped, each word replaced."""
    found = [label[:i] + label[i + 1 :] for i in range(len(label))]
    found += [label[:i] + rng.choice(pool) + label[i + 1 :] for i in range(len(label))]
    found += [label[:i] + rng.choice(pool) + rng.choice(pool) + label[i + 2 :] for i in range(len(label) - 1)]
    return [m for m in found if m != label]


def placed_counts() -> None:
    """Mutants of each row of table 三 scored against the row the template has there."""
    rng = random.Random(13)
    words = vocabulary("三")
    pool = "".join(sorted(set("".join(words.entries))))
    cases = [(m, keys) for keys in words.order for key in keys for m in mutants(key, pool, rng)]
    print("\nplaced (the template's next row only) | mutants | accepted | rejected")
    for threshold in (50.0, 55.0, 60.0, 65.0, 70.0):
        taken = sum(
            process.extractOne(m, keys, scorer=fuzz.ratio, score_cutoff=threshold) is not None
            for m, keys in cases
        )
        print(f"表三 {threshold:5.1f} | {len(cases)} | {taken} | {len(cases) - taken}")


def label_counts() -> None:
    rng = random.Random(13)
    print("threshold | mutants | back to own label | to another label | rejected")
    for table in ("二", "三", "四"):
        words = vocabulary(table)
        pool = "".join(sorted(set("".join(words.entries))))
        cases = [(m, key) for key in words.near_keys for m in mutants(key, pool, rng)]
        for threshold in THRESHOLDS:
            right = wrong = 0
            for mutant, own in cases:
                if len(mutant) < MIN_NEAR_MISS_CHARS or mutant in words.entries:
                    continue
                best = process.extractOne(mutant, words.near_keys, scorer=fuzz.ratio, score_cutoff=threshold)
                if best is None:
                    continue
                if words.entries[best[0]].spec.key == words.entries[own].spec.key:
                    right += 1
                else:
                    wrong += 1
            rejected = len(cases) - right - wrong
            print(f"表{table} {threshold:5.1f} | {len(cases)} | {right} | {wrong} | {rejected}")


def corpus_counts(shared: Path) -> None:
    seen: list[tuple[str, str, str, float]] = []

    placed: list[tuple[str, str, str, float]] = []

    def recording(tokens, start, words, after=-1):  # type: ignore[no-untyped-def]
        token = tokens[start]
        if len(token.key) >= MIN_NEAR_MISS_CHARS:
            best = process.extractOne(token.key, words.near_keys, scorer=fuzz.ratio)
            if best is not None:
                seen.append((current[0], token.text.strip(), words.entries[best[0]].spec.label, best[1]))
            following = words.order[after + 1] if 0 <= after + 1 < len(words.order) else ()
            near = process.extractOne(token.key, following, scorer=fuzz.ratio) if following else None
            if near is not None:
                placed.append((current[0], token.text.strip(), words.entries[near[0]].spec.label, near[1]))
        return near_label(tokens, start, words, after)

    tables.near_label = recording  # type: ignore[assignment]
    current = [""]
    files = [
        *sorted((shared / "seeds").glob("*.txt")),
        *sorted((shared / "corpus" / "pages").glob("*.txt")),
        *sorted(p for p in (shared / "corpus" / "full").iterdir() if p.name != "LABELS.md"),
    ]
    for path in files:
        current[0] = f"{path.parent.name}/{path.name}"
        parse_path(str(path))
    print(f"\ncorpus: {len(files)} files, {len(seen)} text cells in tables that are no exact label")
    for threshold in THRESHOLDS:
        print(f"  threshold {threshold:5.1f}: {sum(score >= threshold for *_, score in seen)} accepted")
    print("\nagainst the row the template has next (NEAR_MISS_PLACED_SCORE):")
    for threshold in (50.0, 55.0, 60.0, 65.0, 70.0):
        print(f"  threshold {threshold:5.1f}: {sum(score >= threshold for *_, score in placed)} accepted")
    for name, text, label, score in sorted(placed, key=lambda item: -item[3]):
        if score >= 50:
            print(f"  {name} | {text} | {label} | {score:.1f}")
    print("\ncells scoring 70 or more (file | cell | best label | score):")
    for name, text, label, score in sorted(seen, key=lambda item: -item[3]):
        if score >= 70:
            print(f"  {name} | {text} | {label} | {score:.1f}")


if __name__ == "__main__":
    label_counts()
    placed_counts()
    corpus_counts(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
