#!/usr/bin/env python3
"""Generate Sources/ReaderCore/Text/UnicodeTables.swift from the Unicode Character Database.

One 16-bit property word per code point, in a two-stage table (blocks of 128 code points,
identical blocks stored once), written as base64 so the Swift compiler does not type-check
a huge array literal. The word packs:

    bits 0-5   Line_Break class (LB1 resolved: AI, SG, XX -> AL; SA -> CM for Mn/Mc, else AL)
    bits 6-7   terminal width 0, 1 or 2, by glibc's rules (localedata/unicode-gen/utf8_gen.py):
               East Asian Width W/F -> 2; Mn, Me, Cf and bidi class NSM -> 0, except
               Prepended_Concatenation_Mark and U+00AD -> 1; Hangul medial vowels and final
               consonants U+1160..U+11FF, U+D7B0..U+D7FF -> 0; U+3248..U+324F and
               U+4DC0..U+4DFF -> 2; controls and U+2028, U+2029 -> 0 (wcwidth: -1);
               everything else 1
    bit 8      East Asian Width A (ambiguous)
    bit 9      East Asian Width F, W or H (for LB30)
    bit 10     Extended_Pictographic
    bit 11     unassigned (General_Category Cn)
    bits 12-15 Grapheme_Cluster_Break

Usage: generate_tables.py [UCD directory, default /usr/share/unicode] [output file]
(Debian: apt-get install unicode-data). Needs UnicodeData.txt, EastAsianWidth.txt,
LineBreak.txt, PropList.txt, auxiliary/GraphemeBreakProperty.txt, emoji/emoji-data.txt.
"""
import base64
import os
import re
import struct
import sys

UCD = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    HERE, "..", "..", "Sources", "ReaderCore", "Text", "UnicodeTables.swift")

N = 0x110000
SHIFT = 7

LB_CLASSES = ["XX", "AL", "BK", "CR", "LF", "NL", "SP", "ZW", "ZWJ", "CM", "WJ", "GL",
              "BA", "BB", "B2", "HY", "CB", "CL", "CP", "EX", "IN", "IS", "NS", "OP",
              "PO", "PR", "QU", "SY", "NU", "HL", "ID", "CJ", "EB", "EM", "H2", "H3",
              "JL", "JV", "JT", "RI"]
GCB_VALUES = ["Other", "CR", "LF", "Control", "Extend", "ZWJ", "Regional_Indicator",
              "Prepend", "SpacingMark", "L", "V", "T", "LV", "LVT"]


def ranges(path):
    """Yield (first, last, value) of a UCD property file."""
    with open(os.path.join(UCD, path), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(";")]
            if ".." in fields[0]:
                a, b = fields[0].split("..")
            else:
                a = b = fields[0]
            yield int(a, 16), int(b, 16), fields[1]


def main():
    gc = ["Cn"] * N
    bidi = [""] * N
    with open(os.path.join(UCD, "UnicodeData.txt"), encoding="utf-8") as f:
        first = None
        for line in f:
            fields = line.split(";")
            cp = int(fields[0], 16)
            if fields[1].endswith(", First>"):
                first = cp
                continue
            lo = first if fields[1].endswith(", Last>") else cp
            first = None
            for c in range(lo, cp + 1):
                gc[c] = fields[2]
                bidi[c] = fields[4]

    eaw = ["N"] * N
    for a, b, v in ranges("EastAsianWidth.txt"):
        for c in range(a, b + 1):
            eaw[c] = v

    lb = ["XX"] * N
    for a, b, v in ranges("LineBreak.txt"):
        for c in range(a, b + 1):
            lb[c] = v

    pcm = set()
    for a, b, v in ranges("PropList.txt"):
        if v == "Prepended_Concatenation_Mark":
            pcm.update(range(a, b + 1))

    extpict = set()
    for a, b, v in ranges("emoji/emoji-data.txt"):
        if v == "Extended_Pictographic":
            extpict.update(range(a, b + 1))

    gcb = ["Other"] * N
    for a, b, v in ranges("auxiliary/GraphemeBreakProperty.txt"):
        for c in range(a, b + 1):
            gcb[c] = v

    words = []
    for c in range(N):
        # Line_Break, LB1 resolution (CJ is kept; the breaker resolves it).
        cls = lb[c]
        if cls in ("AI", "SG", "XX"):
            cls = "AL"
        elif cls == "SA":
            cls = "CM" if gc[c] in ("Mn", "Mc") else "AL"
        # Width, as glibc's utf8_gen.py computes it.
        if gc[c] in ("Cc", "Zl", "Zp"):
            width = 0
        else:
            width = 2 if eaw[c] in ("W", "F") else 1
            if bidi[c] == "NSM" or gc[c] in ("Cf", "Me", "Mn"):
                width = 0
            if c in pcm or c == 0x00AD:
                width = 1
            if 0x1160 <= c <= 0x11FF or 0xD7B0 <= c <= 0xD7FF:
                width = 0
            if 0x3248 <= c <= 0x324F or 0x4DC0 <= c <= 0x4DFF:
                width = 2
        word = LB_CLASSES.index(cls) | (width << 6)
        if eaw[c] == "A":
            word |= 1 << 8
        if eaw[c] in ("F", "W", "H"):
            word |= 1 << 9
        if c in extpict:
            word |= 1 << 10
        if gc[c] == "Cn":
            word |= 1 << 11
        word |= GCB_VALUES.index(gcb[c]) << 12
        words.append(word)

    block_size = 1 << SHIFT
    blocks = {}
    stage1 = []
    stage2 = []
    for start in range(0, N, block_size):
        block = tuple(words[start:start + block_size])
        if block not in blocks:
            blocks[block] = len(blocks)
            stage2.extend(block)
        stage1.append(blocks[block])

    def b64(values):
        return base64.b64encode(struct.pack("<%dH" % len(values), *values)).decode("ascii")

    def wrapped(text, width=100):
        lines = "\n".join("        " + text[i:i + width] for i in range(0, len(text), width))
        return '        """\n' + lines + '\n        """'

    version = open(os.path.join(UCD, "LineBreak.txt"), encoding="utf-8").readline()
    version = re.search(r"(\d+\.\d+\.\d+)", version).group(1)
    def case_name(name):
        name = name.lower()
        return "`%s`" % name if name in ("in", "is") else name
    lb_cases = "\n".join("    case %s = %d" % (case_name(name), i)
                         for i, name in enumerate(LB_CLASSES))
    gcb_names = {"CR": "cr", "LF": "lf", "ZWJ": "zwj", "LV": "lv", "LVT": "lvt"}
    gcb_cases = "\n".join("    case %s = %d" % (
        gcb_names.get(name, name[0].lower() + name[1:].replace("_", "")), i)
        for i, name in enumerate(GCB_VALUES))
    swift = f"""// Generated by scripts/unicode/generate_tables.py from the Unicode {version} data files.
// Do not edit by hand; run the script again instead.

/// Line_Break classes of UAX #14 after LB1 (AI, SG, XX → AL; SA → CM or AL; CJ kept).
enum LineBreakClass: UInt8, Sendable {{
{lb_cases}
}}

/// Grapheme_Cluster_Break values of UAX #29.
enum GraphemeBreakProperty: UInt8, Sendable {{
{gcb_cases}
}}

/// The two-stage property table, base64 of little-endian `UInt16`s (line breaks inside are ignored).
enum UnicodeTableData {{
    /// The Unicode version the tables come from.
    static let unicodeVersion = "{version}"
    /// log2 of the block size of the second stage.
    static let blockShift = {SHIFT}
    /// Block number of each code point's block ({len(stage1)} entries).
    static let stage1Base64 =
{wrapped(b64(stage1))}
    /// The distinct blocks ({len(blocks)} of {block_size} entries).
    static let stage2Base64 =
{wrapped(b64(stage2))}
}}
"""
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(swift)
    print("wrote %s: %d blocks, %d bytes of tables" % (OUT, len(blocks), 2 * (len(stage1) + len(stage2))))


if __name__ == "__main__":
    main()
