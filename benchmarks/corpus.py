"""A benchmark corpus of any size, generated reproducibly from real documents.

The sources are ``data/policy_text.txt`` and the real documents in
``tests/data/corpus`` (a copy of ``../shared/corpus``). Copy *k* of a source
is the source with ``（k）`` after its title, so each copy is a document of its
own (its own IRI, its own named graph), with the same structure, and so the
same work for the pipeline, as the original. The same size always gives the
same files.

    python benchmarks/corpus.py OUT --chars 10000000
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "data" / "policy_text.txt", *sorted((ROOT / "tests" / "data" / "corpus").glob("*.txt"))]


def _variant(text: str, k: int) -> str:
    """``text`` with ``（k）`` at the end of its first non-blank line."""
    if k == 0:
        return text
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    lines[first] = lines[first].rstrip() + f"（{k}）"
    return "\n".join(lines)


def sources() -> list[tuple[str, str]]:
    """The source documents, as (name, text)."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in SOURCES]


def generate(out: str | Path, chars: int) -> list[Path]:
    """Write documents into ``out`` until they hold at least ``chars`` characters; return their paths."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    texts = sources()
    written, total, k = [], 0, 0
    while total < chars:
        for name, text in texts:
            if total >= chars:
                break
            path = out / f"{name}-{k:05d}.txt"
            data = _variant(text, k)
            if not path.exists() or path.read_text(encoding="utf-8") != data:
                path.write_text(data, encoding="utf-8")
            written.append(path)
            total += len(data)
        k += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--chars", type=int, default=10_000_000)
    args = parser.parse_args()
    files = generate(args.out, args.chars)
    print(f"{len(files)} files, {sum(len(p.read_text(encoding='utf-8')) for p in files):,} characters in {args.out}")


if __name__ == "__main__":
    main()
