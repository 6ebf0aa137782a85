#!/usr/bin/env python3
"""Xapian 1.4 as a known-item peer (the engine under recoll and notmuch): BM25, English
stemming, headline terms weighted 2 (wdf increment), the query's words OR-ed.

Usage: known_item_xapian.py CORPUS ITEMS.tsv
ITEMS.tsv has one item a line: kind, tab, path, tab, space-separated words, tab, the
paths of the same article (twins), comma-separated. Prints `kind<TAB>MRR@20` a kind.
Needs Debian's python3-xapian (`apt-get install python3-xapian`); examples/known_item.rs
runs it with `--xapian`.
"""
import os
import sys
from collections import defaultdict

import xapian

DEPTH = 20


def read_article(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    headline, _, rest = text.partition("\n")
    return headline.strip(), rest


def main():
    corpus, items_path = sys.argv[1], sys.argv[2]
    db = xapian.WritableDatabase("", xapian.DB_BACKEND_INMEMORY)
    tg = xapian.TermGenerator()
    tg.set_stemmer(xapian.Stem("english"))
    ids = {}
    for root, _, files in sorted(os.walk(corpus)):
        for name in sorted(files):
            if not name.endswith(".txt"):
                continue
            full = os.path.join(root, name)
            rel = os.path.relpath(full, corpus).replace(os.sep, "/")
            headline, body = read_article(full)
            doc = xapian.Document()
            tg.set_document(doc)
            tg.index_text(headline, 2)
            tg.increase_termpos()
            tg.index_text(body)
            doc.set_data(rel)
            ids[db.add_document(doc)] = rel
    qp = xapian.QueryParser()
    qp.set_stemmer(xapian.Stem("english"))
    qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    qp.set_default_op(xapian.Query.OP_OR)
    qp.set_database(db)
    enquire = xapian.Enquire(db)
    enquire.set_weighting_scheme(xapian.BM25Weight())
    scores = defaultdict(list)
    with open(items_path, encoding="utf-8") as f:
        for line in f:
            kind, _path, words, twins = line.rstrip("\n").split("\t")
            enquire.set_query(qp.parse_query(words))
            ranked = [m.document.get_data().decode() for m in enquire.get_mset(0, DEPTH)]
            relevant = set(twins.split(","))
            rr = next((1.0 / (i + 1) for i, p in enumerate(ranked) if p in relevant), 0.0)
            scores[kind].append(rr)
    for kind, rrs in scores.items():
        print(f"{kind}\t{sum(rrs) / len(rrs):.4f}")


if __name__ == "__main__":
    main()
