#!/usr/bin/env python3
"""Derive METEOR 1.5's English synonym data from WordNet 3.0 (Debian package `wordnet-base`).

METEOR 1.5 ships `synonym/english.synsets` and `synonym/english.exceptions` inside its jar.
Their byte sizes (3,702,066 and 88,789, recorded in the Meteor SVN metadata) are reproduced
exactly by:
  * synsets: every lemma of index.{noun,verb,adj,adv} -> its synset offsets, the offset
    written WITHOUT a part-of-speech marker (so a noun and a verb synset with the same byte
    offset count as the same synset, as they do in METEOR);
  * exceptions: the WordNet morphological exception lists {noun,verb,adj,adv}.exc inverted
    to base -> inflected forms.
This script writes the same relations in a compact form:
  wordnet-synonyms.txt   lemma<TAB>id,id,...   (ids: base-36 numbers, one per distinct raw offset)
  wordnet-exceptions.txt form<TAB>base,base,...
Lemmas containing '_' (multi-word) are dropped unless an exception maps a single-word form
to them: METEOR matches single tokens, and its -norm tokenizer splits '_' off.

Usage: python3 build-wordnet-data.py [/usr/share/wordnet] (writes next to this script).
"""
import os
import sys

WN = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
OUT = os.path.dirname(os.path.abspath(__file__))
POS = ["noun", "verb", "adj", "adv"]


def b36(n):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    s = ""
    while True:
        n, r = divmod(n, 36)
        s = digits[r] + s
        if n == 0:
            return s


def main():
    # form -> bases, in METEOR's reading order (exception files in POS order).
    exceptions = {}
    for pos in POS:
        with open(os.path.join(WN, pos + ".exc"), encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                form, bases = parts[0], parts[1:]
                if "_" in form:
                    continue
                exceptions.setdefault(form, []).extend(bases)

    lemma_offsets = {}
    for pos in POS:
        with open(os.path.join(WN, "index." + pos), encoding="utf-8") as f:
            for line in f:
                if line.startswith(" "):
                    continue  # licence header
                parts = line.split()
                lemma, synset_cnt, p_cnt = parts[0], int(parts[2]), int(parts[3])
                offsets = parts[4 + p_cnt + 2 :]
                assert len(offsets) == synset_cnt, line
                lemma_offsets.setdefault(lemma, []).extend(int(o) for o in offsets)

    needed_bases = {b for bases in exceptions.values() for b in bases}
    ids = {}
    lines = []
    for lemma in sorted(lemma_offsets):
        if "_" in lemma and lemma not in needed_bases:
            continue
        seen = []
        for off in lemma_offsets[lemma]:
            if off not in ids:
                ids[off] = len(ids)
            if ids[off] not in seen:
                seen.append(ids[off])
        lines.append(lemma + "\t" + ",".join(b36(i) for i in seen))

    header = (
        "# Derived from WordNet 3.0 by build-wordnet-data.py; see WORDNET-LICENSE.txt.\n"
    )
    write(os.path.join(OUT, "wordnet-synonyms.txt"), header + "\n".join(lines) + "\n")
    exc_lines = [form + "\t" + ",".join(bases) for form, bases in sorted(exceptions.items())]
    write(os.path.join(OUT, "wordnet-exceptions.txt"), header + "\n".join(exc_lines) + "\n")
    print(len(lines), "lemmas,", len(ids), "synset ids,", len(exc_lines), "exception forms")


def write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)


if __name__ == "__main__":
    main()
