#!/usr/bin/env python3
"""Writes src/text/person_nouns.txt and src/text/thing_nouns.txt: what English common
nouns stand for, read from Princeton WordNet 3.0 (WordNet licence, BSD-like; the notice is
kept at the head of both files).

    apt-get install wordnet-base      # Debian/Ubuntu: /usr/share/wordnet
    python3 tools/nouns.py [/usr/share/wordnet]

Run from the repository's root. Only lower-case words of letters are read, and only the
senses where the word is written in lower case (`Churchill`, an instance of a person,
does not count).

person_nouns.txt: nouns for a person (`representative`, `fan`, `official`). A word is
kept when, among its noun senses (WordNet orders them by frequency), its first sense is
in the lexicographer file noun.person, or more than half of them are. A word that is also
an adjective is kept only when the SemCor tag counts (cntlist.rev) use it more often as a
person than as an adjective (`official`, `liberal` stay; `national`, `native` go), a verb
only when they do not use it more often as a verb (`coach`, `host` stay; `witness`,
`peer` go), and past participles of verbs go (`accused`, `deceased`): after a name they
read as the verb.

thing_nouns.txt: nouns whose first sense is a place or a thing that is not a body of
people (locations, artifacts, events, times, food, natural objects, plants, animals, body
parts, shapes, phenomena: `lane`, `bowl`, `year`; a body's name may end on a substance, an
act or a group and speak: `Mittal Steel`, `Age Concern`, `Snow Patrol`), that SemCor tags
as a noun at least once, and that WordNet does not also know as a person's name (`Wood`,
`Cash`, `Bush`, `Pound`: surnames), less the nouns for a person (`fan`, a device first).
"""
import collections
import re
import sys

wn = (sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet").rstrip("/") + "/"
PERSON = 18  # lexicographer file noun.person

lexfile, forms, licence = {}, {}, []
for line in open(wn + "data.noun", encoding="latin-1"):
    if line.startswith("  "):
        # The licence at the head of the data file, line numbers stripped.
        licence.append(re.sub(r"^\s+\d+ ?", "", line).rstrip())
        continue
    f = line.split(" ")
    offset, words = f[0], int(f[3], 16)
    lexfile[offset] = int(f[1])
    forms[offset] = {re.sub(r"\(.*\)$", "", f[4 + 2 * i]) for i in range(words)}

senses = {}
for line in open(wn + "index.noun", encoding="latin-1"):
    if line.startswith("  "):
        continue
    f = line.split()
    pointers = int(f[3])
    senses[f[0]] = [(lexfile[o], f[0] in forms[o]) for o in f[6 + pointers:]]


def lemmas(pos):
    return {line.split()[0] for line in open(wn + f"index.{pos}", encoding="latin-1")
            if not line.startswith("  ")}


adjectives, verbs = lemmas("adj"), lemmas("verb")
tags = collections.Counter()
for line in open(wn + "cntlist.rev", encoding="latin-1"):
    key, _, count = line.split()
    lemma, rest = key.split("%")
    kind, file = rest.split(":")[:2]
    if kind == "1":
        tags[(lemma, "noun")] += int(count)
    if kind == "1" and int(file) == PERSON:
        tags[(lemma, "person")] += int(count)
    elif kind in ("3", "5"):
        tags[(lemma, "adjective")] += int(count)
    elif kind == "2":
        tags[(lemma, "verb")] += int(count)

# Lexicographer files of things that are neither people nor bodies of people (a body,
# `Age Concern`, `Mittal Steel`, `Snow Patrol`, may speak as one): places, artifacts,
# events, times, food, natural objects, plants, animals, body parts, shapes, phenomena.
THINGS = {15, 6, 11, 28, 13, 17, 20, 5, 8, 25, 19}
# Words WordNet also knows as a person's name (`Wood`, `Cash`, `Bush`, `Pound`): surnames.
surnames = {w.lower() for o, fs in forms.items() if lexfile[o] == PERSON for w in fs
            if w[:1].isupper()}
kept = []
for word, ss in senses.items():
    if not re.fullmatch(r"[a-z]+", word):
        continue
    person = [file == PERSON and lower for file, lower in ss]
    if not (person[0] or 2 * sum(person) > len(person)):
        continue
    if word in adjectives and tags[(word, "adjective")] >= tags[(word, "person")]:
        continue
    if word in verbs and tags[(word, "verb")] > tags[(word, "person")]:
        continue
    # A past participle of a verb (`the accused`) reads as the verb after a name.
    if word.endswith("ed") and (word[:-1] in verbs or word[:-2] in verbs):
        continue
    kept.append(word)

people = set(kept)
things = []
for word, ss in senses.items():
    # A noun whose main sense is a thing, that SemCor tags as a noun at all.
    if (re.fullmatch(r"[a-z]+", word) and ss[0][1] and ss[0][0] in THINGS
            and tags[(word, "noun")] > 0 and word not in surnames
            and word not in people):
        things.append(word)

while licence and not licence[-1]:
    licence.pop()


def head(out, what):
    """The file's first lines: what it holds, where from, and WordNet's licence notice
    (which asks to appear on all copies, modifications included)."""
    out.write(f"# {what}, from Princeton WordNet 3.0,\n")
    out.write("# written by tools/nouns.py. WordNet's licence:\n#\n")
    for line in licence:
        out.write(f"# {line}".rstrip() + "\n")
    out.write("#\n")


with open("src/text/person_nouns.txt", "w", encoding="utf-8") as out:
    head(out, "English nouns for a person (noun.person)")
    for word in sorted(kept):
        out.write(word + "\n")
print(len(kept))

with open("src/text/thing_nouns.txt", "w", encoding="utf-8") as out:
    head(out, "English nouns whose main sense is a place or a thing")
    for word in sorted(things):
        out.write(word + "\n")
print(len(things))
