#!/usr/bin/env python3
"""Search-box queries for the side-by-side run: 1 to 3 consecutive words of news headlines, as a reader types them.

Reads the Java peer's TSV (id TAB title TAB body, from ../shared/peers/java-lucene/prep.py) and writes N queries
(id TAB query) drawn with a fixed seed, so every run and both engines get the same list. The queries are made on the
machine from the shared corpus and never kept in the project (the corpus is not ours to redistribute).

Usage: search-box-queries.py NEWS.tsv OUT.tsv [N=1000]
"""
import random
import re
import sys

ARABIC_WORD = re.compile(r"[\u0621-\u064A]{3,}")


def main(news_path, out_path, count=1000):
    with open(news_path, encoding="utf-8") as news:
        titles = [line.split("\t", 2)[1] for line in news if line.count("\t") >= 2]
    rng = random.Random(20261204)
    rng.shuffle(titles)
    queries = []
    for title in titles:
        words = ARABIC_WORD.findall(title)
        if len(words) < 3:
            continue
        length = rng.choice((1, 2, 2, 3))
        start = rng.randrange(len(words) - length + 1)
        queries.append(" ".join(words[start:start + length]))
        if len(queries) == count:
            break
    with open(out_path, "w", encoding="utf-8") as out:
        for number, query in enumerate(queries):
            out.write(f"box{number}\t{query}\n")
    print(f"{len(queries)} search-box queries from {len(titles)} headlines", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) == 4 else 1000)
