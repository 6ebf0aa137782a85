#!/usr/bin/env python3
"""Writes src/text/places.txt: the names of countries and their first-level divisions
(states, provinces, nations) from Debian's iso-codes package (ISO 3166-1 and 3166-2,
/usr/share/iso-codes/json; `apt-get install iso-codes`).

Run from the repository's root: python3 tools/places.py
"""
import json
import re

ISO = "/usr/share/iso-codes/json"
KINDS = {"State", "Province", "Country", "Nation", "Territory", "Region",
         "Autonomous region", "Autonomous province", "Autonomous republic",
         "Autonomous community", "Republic", "Oblast", "Federal district",
         "Federal territory", "Capital district", "Capital territory", "Emirate",
         "Canton", "Land", "Prefecture", "Voivodship", "Governorate", "Department"}

names = set()
for c in json.load(open(f"{ISO}/iso_3166-1.json", encoding="utf-8"))["3166-1"]:
    for key in ("name", "common_name"):
        if key in c:
            names.add(c[key])
for s in json.load(open(f"{ISO}/iso_3166-2.json", encoding="utf-8"))["3166-2"]:
    if s["type"] in KINDS:
        names.add(s["name"])
out = set()
for n in names:
    # `Wales [Cymru GB-CYM]`, `Korea, Republic of`, `Bolivia, Plurinational State of`:
    # the name as a story writes it.
    n = re.sub(r"\s*\[.*?\]", "", n)
    n = re.sub(r"\s*\(.*?\)", "", n)
    if "," in n:
        n = n.split(",")[0]
    n = n.strip()
    # Names of one to three words of letters (any script's), capitalised.
    if n and re.fullmatch(r"[^\W\d_][^\W\d_'\-]*(?:['\-][^\W\d_]+)*(?: [^\W\d_'\-]+(?:['\-][^\W\d_]+)*){0,2}", n) and n[0].isupper():
        out.add(n)
# The short forms stories use for the countries whose ISO names are long.
out |= {"US", "USA", "UK", "Britain", "Great Britain", "America", "Russia", "Iran",
        "Syria", "South Korea", "North Korea", "Taiwan", "Vietnam", "Laos", "Bolivia",
        "Venezuela", "Tanzania", "Moldova", "Palestine", "Gaza", "West Bank", "Europe", "Turkey",
        "Africa", "Asia", "Scandinavia", "Middle East", "Latin America"}
with open("src/text/places.txt", "w", encoding="utf-8") as f:
    f.write("# Countries and their first-level divisions (ISO 3166-1 and 3166-2 names from\n")
    f.write("# Debian's iso-codes package, LGPL-2.1+; facts, listed as stories write them),\n")
    f.write("# with the short forms stories use. Written by tools/places.py.\n")
    for n in sorted(out):
        f.write(n + "\n")
print(len(out))
