"""Subset Liberation Sans 2 (SIL OFL 1.1, Debian package fonts-liberation2) to
the Latin characters the dashboard uses, and rename the family "Evidence Sans":
the OFL reserves the name "Liberation" for unmodified fonts, and a subset is a
modification. Run once with fonttools and brotli installed:

    python3 assets/fonts/build_fonts.py /usr/share/fonts/truetype/liberation2
"""
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

UNICODES = ("U+0020-007E,U+00A0-00FF,U+0152-0153,U+0178,U+2009,U+2013-2014,U+2018-201E,"
            "U+2022,U+2026,U+2030,U+2039-203A,U+20AC,U+2190-2193,U+2212,U+2248,U+2264-2265,U+25B2,U+25BC")
FAMILY = "Evidence Sans"


def rename(font: TTFont, style: str) -> None:
    for rec in font["name"].names:
        if rec.nameID in (1, 16):
            rec.string = FAMILY
        elif rec.nameID in (4,):
            rec.string = f"{FAMILY} {style}"
        elif rec.nameID in (6,):
            rec.string = f"EvidenceSans-{style}"
        elif rec.nameID in (3,):
            rec.string = f"EvidenceSans-{style}; subset of Liberation Sans 2"


def main(src_dir: str) -> None:
    out = Path(__file__).parent
    for style in ("Regular", "Bold"):
        for flavor, ext in ((None, "ttf"), ("woff2", "woff2")):
            opts = subset.Options()
            opts.layout_features = ["kern"]
            opts.hinting = False
            opts.desubroutinize = True
            opts.flavor = flavor
            font = TTFont(Path(src_dir) / f"LiberationSans-{style}.ttf")
            sub = subset.Subsetter(opts)
            sub.populate(unicodes=subset.parse_unicodes(UNICODES))
            sub.subset(font)
            rename(font, style)
            font.flavor = flavor
            font.save(out / f"EvidenceSans-{style}.{ext}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/liberation2")
