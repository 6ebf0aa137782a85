#!/usr/bin/env python3
"""Writes src/text/given_names.txt: the given (first) names of Faker's person providers,
every locale (MIT licence; https://github.com/joke2k/faker). Faker's lists come from
national statistics offices' name counts (US SSA, UK ONS, ...) and other public lists.

    pip download faker==40.40.0 --no-deps -d /tmp/faker
    python3 tools/given_names.py /tmp/faker/faker-40.40.0-py3-none-any.whl

Run from the repository's root. Left out, as they tell nothing about a person: names
that are also a country or first-level division (src/text/places.txt: `Georgia`,
`Jordan`), common English words (Faker's own English word list: `Will`, `May`, `Hope`),
titles and honorifics (`King`, `Judge`, `Lady`), months and weekdays (`June 5`).

A name that only locales' lists of men's names hold is written with a tab and `m`, one
that only lists of women's names hold with `f` (`Gary\tm`, `Sandra\tf`); a name both
kinds of list hold, or a list that tells no gender, leaves it open (`Jamie`, `Alex`).
"""
import importlib
import pkgutil
import re
import sys

sys.path.insert(0, sys.argv[1])
import faker  # noqa: E402
import faker.providers.person as person  # noqa: E402

places = {l.strip() for l in open("src/text/places.txt", encoding="utf-8") if not l.startswith("#")}
names = set()
# Which kinds of list (`m`, `f`, `-` for a list that tells none) hold each name.
kinds = {}
locales = 0
for info in pkgutil.iter_modules(person.__path__):
    module = importlib.import_module(f"faker.providers.person.{info.name}")
    provider = getattr(module, "Provider", None)
    if provider is None:
        continue
    locales += 1
    for attr, kind in (("first_names", "-"), ("first_names_male", "m"),
                       ("first_names_female", "f"), ("first_names_nonbinary", "-"),
                       ("first_names_unisex", "-")):
        value = getattr(provider, attr, None)
        # (Some locales compute a list in a property: only data is read.)
        if value is None or isinstance(value, property) or isinstance(value, str):
            continue
        for n in (value.keys() if hasattr(value, "keys") else value):
            n = n.strip()
            # One capitalised word of letters (any script's), hyphens and apostrophes
            # inside (`Jean-Pierre`, `D'Angelo`); at least two letters.
            if re.fullmatch(r"[^\W\d_][^\W\d_]+(?:['’\-][^\W\d_]+)*", n) and n[0].isupper():
                names.add(n)
                kinds.setdefault(n, set()).add(kind)
# (`first_names` is most often the union of the other two: it tells nothing by itself.)
gender = {n: next(iter(k - {"-"})) for n, k in kinds.items() if len(k - {"-"}) == 1}
from faker.providers.lorem.en_US import Provider as Lorem  # noqa: E402

common = {w.lower() for w in Lorem.word_list}
titles = {"lord", "lady", "sir", "dame", "king", "queen", "prince", "princess", "duke",
          "judge", "justice", "doctor", "general", "major", "colonel", "captain", "bishop",
          "deacon", "pastor", "imam", "rabbi", "sheikh", "emir", "sultan", "royal", "president",
          "governor", "senator", "mayor", "chancellor", "marshal", "sergeant", "admiral",
          # and the words that start place names (`Saint Lucia`, `Santa Clara`)
          "saint", "santa", "san", "fort", "port", "mount"}
calendar = {"january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday"}
names = {n for n in names - places
         if n.lower() not in common and n.lower() not in titles and n.lower() not in calendar}
with open("src/text/given_names.txt", "w", encoding="utf-8") as f:
    f.write(f"# Given names of Faker {faker.VERSION}'s person providers, {locales} locales\n")
    f.write("# (MIT licence, https://github.com/joke2k/faker), less places, common English words,\n")
    f.write("# titles, months and weekdays; a tab and m or f when only lists of men's or of\n")
    f.write("# women's names hold it. Written by tools/given_names.py.\n")
    for n in sorted(names):
        f.write(n + ("\t" + gender[n] if n in gender else "") + "\n")
print(locales, len(names))
