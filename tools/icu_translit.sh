#!/bin/sh
# Writes tests/translit_icu.tsv: each Russian word of tests/translit_words.txt and ICU's
# Russian-Latin/BGN romanisation of it, lower-cased (the transform OpenSearch's
# analysis-icu applies to the `.translit` subfields of a newsidx export).
# Needs uconv (Debian: apt-get install icu-devtools). Run from the repository's root.
set -eu
{
  echo "# word	ICU Russian-Latin/BGN ($(uconv --version 2>&1 | head -n 1)); written by tools/icu_translit.sh"
  grep -v '^#' tests/translit_words.txt | while read -r w; do
    [ -n "$w" ] || continue
    printf '%s\t%s\n' "$w" "$(printf '%s' "$w" | uconv -x 'Any-Lower; Russian-Latin/BGN')"
  done
} > tests/translit_icu.tsv
