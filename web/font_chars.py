#!/usr/bin/python3
"""font_chars.py SOURCE_DIR OUT — the characters the browser's fonts keep.

The page's fonts are subset (pyftsubset) to what procsim can show, so that
the page stays small: printable ASCII, Latin-1 and Latin Extended-A, punctuation,
arrows, box drawing and shapes, the Hangul a student writes (the
2,350 syllables of KS X 1001, which is what Korean text uses, and the
compatibility jamo), and every other character any of procsim's own texts
or shipped scenarios contain.  OUT gets one U+XXXX a line.
"""
import pathlib
import sys

src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
keep = set(range(0x20, 0x7F)) | set(range(0xA0, 0x180))
for lo, hi in [(0x2010, 0x2060), (0x2190, 0x2200), (0x2500, 0x2600), (0x3000, 0x3040),
               (0x3131, 0x318F), (0xFF01, 0xFF5F)]:
    keep |= set(range(lo, hi))
for c in range(0xAC00, 0xD7A4):  # the syllables EUC-KR can encode: KS X 1001's
    try:
        if len(chr(c).encode("euc_kr")) == 2:  # not the 8-byte jamo spelling
            keep.add(c)
    except UnicodeEncodeError:
        pass
for pattern in ["gui/*.[ch]", "cli/*.[ch]", "sim/**/*.[ch]", "scenarios/**/*.yaml"]:
    for f in src.glob(pattern):
        keep |= {ord(ch) for ch in f.read_text(encoding="utf-8", errors="ignore") if ord(ch) >= 0x80}
out.write_text("".join(f"U+{c:04X}\n" for c in sorted(keep)))
