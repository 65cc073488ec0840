#!/usr/bin/env python3
"""Generates Sources/NewsIndex/Analysis/FoldTable.swift and ScalarClassTable.swift, the analyzer's tables.

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

ScalarClassTable.swift holds the tokenizer's class (letter, digit, mark, ...) of every scalar in
the blocks where text is commonest, by the rules of ScalarClass(lookingUp:).

Usage: python3 Scripts/gen_fold_table.py [--output PATH] [--class-output PATH]
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


# The blocks whose scalar classes ScalarClass looks up in a table rather than computing them
# from Unicode properties at run time: (Swift name, first scalar, end).
CLASS_BLOCKS = [
    ("latinToArabic", 0x80, 0x800),
    ("generalPunctuation", 0x2000, 0x2070),
    ("cjkPunctuationAndKana", 0x3000, 0x3100),
    ("fullWidthForms", 0xFF00, 0xFFF0),
]

# Scalars of CLASS_BLOCKS with the Ideographic property, which unicodedata does not expose.
IDEOGRAPHIC_RANGES = [(0x3006, 0x3007), (0x3021, 0x3029), (0x3038, 0x303A)]

# Scalars of CLASS_BLOCKS with the Other_Alphabetic property that are not combining marks
# (which are classed as marks first): none, but say so where the rule is written.
OTHER_ALPHABETIC_NON_MARKS = []


def is_kana(cp):
    return in_ranges(cp, [(0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9D), (0x1B000, 0x1B16F)])


def scalar_class(cp):
    """ScalarClass(lookingUp:) in Sources/NewsIndex/Analysis/ScalarClass.swift, for non-ASCII
    scalars; ScalarClassTableTests checks the two agree on every tabulated scalar."""
    if 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF:
        return "ideograph"
    if HANGUL_SYLLABLES[0] <= cp <= HANGUL_SYLLABLES[1]:
        return "letter"
    if cp in (0x2019, 0x02BC):
        return "apostrophe"
    if in_ranges(cp, [HALFWIDTH_VOICING_MARKS]):
        return "mark"
    if 0xD800 <= cp <= 0xDFFF:
        return "separator"
    ch = chr(cp)
    category = unicodedata.category(ch)
    if category[0] == "M":
        return "mark"
    if category == "Nd":
        return "digit"
    if category == "Cf":
        return "separator" if cp == ZERO_WIDTH_SPACE else "mark"
    alphabetic = category in ("Lu", "Ll", "Lt", "Lm", "Lo", "Nl") or cp in OTHER_ALPHABETIC_NON_MARKS
    if not alphabetic and unicodedata.numeric(ch, None) is None:
        return "separator"
    if in_ranges(cp, IDEOGRAPHIC_RANGES) or is_kana(cp):
        return "ideograph"
    return "letter"


def array_literal(doc, name, swift_type, items, per_line):
    """A static array property: its `///` lines, then its elements `per_line` to a line."""
    lines = ["    /// " + line for line in doc] + ["    static let %s: [%s] = [" % (name, swift_type)]
    lines += ["        " + ", ".join(items[i:i + per_line]) + "," for i in range(0, len(items), per_line)]
    return lines + ["    ]"]


HEADER = [
    "// Generated by Scripts/gen_fold_table.py from Unicode %s data. Do not edit." % unicodedata.unidata_version,
    "// Regenerate: python3 Scripts/gen_fold_table.py",
    "//",
    "// Array literals of constants, so that the compiler lays them out in the binary: a search",
    "// process pays nothing to build them (parsing a text table and classifying scalars through",
    "// Unicode properties cost the first non-ASCII letter 3.9 million instructions).",
    "",
]


def fold_table_swift(entries):
    keys = [cp for cp, _ in entries]
    ends, size = [], 0
    fold_bytes = []
    for _, folded in entries:
        encoded = folded.encode("utf-8")
        fold_bytes += encoded
        size += len(encoded)
        ends.append(size)
    assert size < 1 << 16, "fold bytes no longer fit UInt16 ends"
    two_byte = [0] * (0x800 - 0x80)
    for index, cp in enumerate(keys):
        if cp < 0x800:
            two_byte[cp - 0x80] = index + 1
    lines = HEADER + [
        "extension CaseFolding {",
        "    /// The Unicode version of the data the fold table was generated from.",
        '    static let foldTableUnicodeVersion = "%s"' % unicodedata.unidata_version,
        "",
    ]
    lines += array_literal(["The non-ASCII scalars whose fold differs from themselves, ascending."],
                           "tableKeys", "UInt32", ["0x%x" % k for k in keys], 12) + [""]
    lines += array_literal(["`tableEnds[i]` is where the fold of `tableKeys[i]` ends in `tableBytes`; it starts where",
                            "the previous one ends."],
                           "tableEnds", "UInt16", [str(e) for e in ends], 16) + [""]
    lines += array_literal(["The folds, concatenated, in UTF-8."],
                           "tableBytes", "UInt8", ["0x%02x" % b for b in fold_bytes], 16) + [""]
    lines += array_literal(["For U+0080..<U+0800: 1 + the index of the scalar in `tableKeys`, or 0 when it folds to",
                            "itself."],
                           "tableTwoByteIndex", "UInt16", [str(i) for i in two_byte], 16)
    lines += ["}", ""]
    return "\n".join(lines)


def class_table_swift():
    lines = HEADER + ["extension ScalarClass {"]
    for name, start, end in CLASS_BLOCKS:
        lines += array_literal(["The classes of U+%04X..<U+%04X." % (start, end)], name, "ScalarClass",
                               ["." + scalar_class(cp) for cp in range(start, end)], 8) + [""]
    lines[-1:] = ["}", ""]
    return "\n".join(lines)


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=pathlib.Path,
                        default=root / "Sources/NewsIndex/Analysis/FoldTable.swift")
    parser.add_argument("--class-output", type=pathlib.Path,
                        default=root / "Sources/NewsIndex/Analysis/ScalarClassTable.swift")
    args = parser.parse_args()

    entries = []
    for cp in range(0x80, 0x110000):
        if not is_candidate(cp):
            continue
        folded = fold(chr(cp))
        if folded != chr(cp):
            entries.append((cp, folded))

    args.output.write_text(fold_table_swift(entries), encoding="utf-8")
    args.class_output.write_text(class_table_swift(), encoding="utf-8")
    print("%s: %d entries; %s" % (args.output, len(entries), args.class_output), file=sys.stderr)


if __name__ == "__main__":
    main()
