#!/usr/bin/env python3
"""Generates Sources/NewsIndex/Analysis/FoldTable.swift, the analyzer's non-ASCII fold table.

A word scalar (letter, number, mark; any plane) folds to  strip_marks(NFKD(casefold(NFKD(ch)))),
then EXTRA_FOLDS, then decimal digits of any script to ASCII digits:
- Combining marks are removed, except in KEPT_MARK_RANGES, where they spell vowels or voicing;
  those stay in canonical (decomposed) order, so composed and decomposed input fold alike.
- Compatibility forms fold to their plain letters (`ﬁ` -> `fi`, `Ｌ` -> `l`, `²` -> `2`), unless
  that brings in a non-word character (`½` -> `1⁄2`, `⑴` -> `(1)`) or changes how the tokenizer
  splits (`㊀` -> `一`, `ゟ` -> `より`); then only the canonical decomposition (NFD) is used.
- Hangul syllables stay composed.
- Format characters that sit inside words (soft hyphen, zero-width joiners, bidi marks) fold to
  nothing; the tokenizer treats them like combining marks.
Only scalars whose fold differs from themselves are written.

Usage: python3 Scripts/gen_fold_table.py [--output PATH]
The output depends on the Unicode version of Python's unicodedata. If regenerating changes it,
index terms change: bump `Analyzer.identifier` and the table checksum in FoldTableTests.
"""

import argparse
import pathlib
import sys
import unicodedata

# Blocks whose combining marks are part of the spelling (vowel signs, viramas, tone and
# voicing marks), not accents: folding keeps them.
KEPT_MARK_RANGES = [
    (0x0900, 0x0DFF),    # Devanagari ... Sinhala
    (0x0E00, 0x0FFF),    # Thai, Lao, Tibetan
    (0x1000, 0x109F),    # Myanmar
    (0x1700, 0x17FF),    # Tagalog ... Khmer
    (0x1900, 0x1AAF),    # Limbu ... Tai Tham
    (0x1B00, 0x1C4F),    # Balinese ... Lepcha
    (0x3099, 0x309A),    # kana voiced and semi-voiced sound marks
    (0xA800, 0xA82F),    # Syloti Nagri
    (0xA880, 0xA8FF),    # Saurashtra, Devanagari Extended
    (0xA900, 0xA9FF),    # Kayah Li, Rejang, Javanese
    (0xAA00, 0xAAFF),    # Cham, Myanmar Extended-A, Tai Viet
    (0xABC0, 0xABFF),    # Meetei Mayek
    (0x11000, 0x11FFF),  # Brahmi ... (Indic scripts of the SMP)
]

# Letters that are distinct in Unicode but commonly written as these ASCII spellings.
EXTRA_FOLDS = {
    "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
    "ı": "i", "ĸ": "k", "ħ": "h", "ŧ": "t", "ŀ": "l",
    "ʼ": "",  # modifier apostrophe, as in ŉ -> ʼn; the tokenizer treats it as an apostrophe
}

# So-category letters the Unicode Alphabetic property includes (circled and squared Latin).
ALPHABETIC_SYMBOL_RANGES = [(0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189)]

HANGUL_SYLLABLES = (0xAC00, 0xD7A3)

# Letters (Lm) that the tokenizer treats as combining marks, like the U+3099/U+309A they fold to.
HALFWIDTH_VOICING_MARKS = (0xFF9E, 0xFF9F)

# A format character that separates words rather than sitting inside them.
ZERO_WIDTH_SPACE = 0x200B


def in_ranges(cp, ranges):
    return any(lo <= cp <= hi for lo, hi in ranges)


def is_mark(ch):
    return unicodedata.category(ch).startswith("M")


def is_kept_mark(ch):
    return is_mark(ch) and in_ranges(ord(ch), KEPT_MARK_RANGES)


def is_word(ch):
    return unicodedata.category(ch)[0] in "LN" or is_kept_mark(ch)


def is_candidate(cp):
    if HANGUL_SYLLABLES[0] <= cp <= HANGUL_SYLLABLES[1]:
        return False
    category = unicodedata.category(chr(cp))
    if category == "Cf":
        return cp != ZERO_WIDTH_SPACE
    return category[0] in "LNM" or (category == "So" and in_ranges(cp, ALPHABETIC_SYMBOL_RANGES))


def fold_with(ch, form):
    text = unicodedata.normalize(form, ch)
    for _ in range(3):  # casefolding can expose new decompositions and vice versa
        text = unicodedata.normalize(form, unicodedata.normalize(form, text).casefold())
    text = "".join(c for c in text if not is_mark(c) or is_kept_mark(c))
    text = "".join(EXTRA_FOLDS.get(c, c) for c in text)
    return "".join(str(unicodedata.decimal(c)) if unicodedata.category(c) == "Nd" else c for c in text)


def is_han_or_kana(ch):
    """Scalars the tokenizer makes one-scalar tokens of."""
    if ord(ch) in HALFWIDTH_VOICING_MARKS:
        return False
    name = unicodedata.name(ch, "")
    return name.startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH", "HIRAGANA", "KATAKANA",
                            "HALFWIDTH KATAKANA"))


def fold(ch):
    if unicodedata.category(ch) == "Cf":
        return ""
    for form in ("NFKD", "NFD"):
        folded = fold_with(ch, form)
        if not all(is_word(c) for c in folded):
            continue
        # A fold must tokenize like its source: no ideographs out of circled or annotation numbers,
        # and one ideograph or kana out of one (not `より` out of the digraph `ゟ`).
        han_or_kana = [c for c in folded if is_han_or_kana(c) and not is_mark(c)]
        if len(han_or_kana) != (1 if is_han_or_kana(ch) else 0):
            continue
        return folded
    return ch


def swift_escaped(text):
    return "".join(c if " " < c < "\x7f" and c not in '\\"' else "\\u{%x}" % ord(c) for c in text)


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=pathlib.Path,
                        default=root / "Sources/NewsIndex/Analysis/FoldTable.swift")
    args = parser.parse_args()

    entries = []
    for cp in range(0x80, 0x110000):
        if not is_candidate(cp):
            continue
        folded = fold(chr(cp))
        if folded != chr(cp):
            entries.append((cp, folded))

    lines = [
        "// Generated by Scripts/gen_fold_table.py from Unicode %s data. Do not edit." % unicodedata.unidata_version,
        "// Regenerate: python3 Scripts/gen_fold_table.py",
        "",
        "extension CaseFolding {",
        "    /// The Unicode version of the data `foldTable` was generated from.",
        '    static let foldTableUnicodeVersion = "%s"' % unicodedata.unidata_version,
        "",
        "    /// One line per non-ASCII scalar whose fold differs from itself, sorted by scalar:",
        "    /// the scalar in hex, `=`, then its fold (possibly empty).",
        '    static let foldTable: StaticString = """',
    ]
    lines += ["        %x=%s" % (cp, swift_escaped(folded)) for cp, folded in entries]
    lines += ['        """', "}", ""]
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print("%s: %d entries" % (args.output, len(entries)), file=sys.stderr)


if __name__ == "__main__":
    main()
