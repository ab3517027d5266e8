"""Fonts for the PDF writer: each face embedded once as a Type0/CIDFontType2 subset (cut by HarfBuzz)
whose character codes are allocated per glyph *and* the text it stands for, so that the ToUnicode map
is exact for every code: a glyph drawn for different text in different places (a Devanagari vowel
sign reordered before its consonant, a conjunct) gets a code of its own for each. Read in content
order, the codes spell the text as written, which is what poppler's structure text and screen
readers take."""
from __future__ import annotations

import hashlib

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString, PDFZCompress

from ..fonts import Face

NO_TEXT = "\u200d"      # a glyph beyond its cluster's characters: a joiner, which reads as nothing
GLYPH_UNITS = 1000      # PDF glyph space: widths and font metrics per 1000 units of the size
BFCHAR_MOST = 100       # a ToUnicode map's beginbfchar section holds at most 100 entries
TAG_LETTERS = 6         # a subset's name starts with six capital letters and a plus sign
NONSYMBOLIC, ITALIC = 32, 64            # FontDescriptor flags
HEAD_BBOX = (36, 38, 40, 42)            # byte offsets of xMin, yMin, xMax, yMax in the TrueType head table
ITALIC_ANGLE = -12                      # degrees: a typical italic's slant (the descriptor only informs)
CAP_HEIGHT = 0.7                        # an estimate of the capital height, times the ascender
STEM_BOLD, STEM_REGULAR = 120, 80       # estimates of the vertical stems' width (the descriptor only informs)


def _tag(name: str) -> int:
    return int.from_bytes(name.encode("ascii"), "big")


def glyph_texts(texts: tuple[str, ...]) -> list[str]:
    """The text of each glyph of a run, from HarfBuzz's (the cluster's text on its first glyph, '' on
    the rest): a cluster's characters shared out in order over its glyphs."""
    out: list[str] = []
    k = 0
    while k < len(texts):
        j = k + 1
        while j < len(texts) and texts[j] == "":
            j += 1
        text, m = texts[k], j - k
        if m == 1 or len(text) <= 1:
            out += [text or NO_TEXT] + [NO_TEXT] * (m - 1)
        else:
            cuts = [round(i * len(text) / m) for i in range(m + 1)]
            out += [text[cuts[i]:cuts[i + 1]] or NO_TEXT for i in range(m)]
        k = j
    return out


class EmbeddedFace:
    """One face embedded as one font: codes allocated from 1 in the order (glyph, text) pairs are
    first drawn, so a build gives the same bytes each time."""

    def __init__(self, face: Face, number: int):
        self.face = face
        self.resource = f"T{number}"
        self.codes: dict[tuple[int, str], int] = {}
        self.cff_text: dict[int, str] = {}

    def code(self, gid: int, text: str) -> int:
        """The character code that draws glyph gid standing for text. PostScript-outline (CFF) fonts,
        whose codes must be their glyph ids, keep one code per glyph: its shortest text."""
        if self.face.cff:
            known = self.cff_text.get(gid)
            if known is None or known == NO_TEXT or (text != NO_TEXT and (len(text), text) < (len(known), known)):
                self.cff_text[gid] = text
            return gid
        found = self.codes.get((gid, text))
        if found is None:
            found = self.codes[(gid, text)] = len(self.codes) + 1
        return found

    def _subset(self) -> bytes:
        import uharfbuzz as hb

        source = hb.Face(hb.Blob(self.face.data), self.face.index)
        sub = hb.SubsetInput()
        sub.glyph_set.update(sorted({0} | {gid for gid, _ in self.codes} | set(self.cff_text)))
        sub.flags = hb.SubsetFlags.RETAIN_GIDS | hb.SubsetFlags.NO_HINTING | hb.SubsetFlags.NOTDEF_OUTLINE
        for table in ("GSUB", "GPOS", "GDEF", "STAT", "gasp", "DSIG", "kern", "hdmx", "VDMX", "LTSH", "cmap"):
            sub.drop_table_tag_set.add(_tag(table))
        return hb.subset(source, sub).blob.data

    def _widths(self, codes: list[tuple[int, int]]) -> PDFArray:
        """W: the advance of each code's glyph, (code, glyph) in code order, in runs of consecutive codes."""
        font, scale = self.face.hb_font, GLYPH_UNITS / self.face.upem
        out, run, start = [], [], None
        for code, gid in codes:
            w = round(font.get_glyph_h_advance(gid) * scale)
            if start is not None and code == start + len(run):
                run.append(w)
                continue
            if run:
                out += [start, PDFArray(run)]
            start, run = code, [w]
        if run:
            out += [start, PDFArray(run)]
        return PDFArray(out)

    @staticmethod
    def _cmap(name: str, entries: list[tuple[int, str]]) -> bytes:
        lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
                 "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
                 f"/CMapName /{name}-UCS def", "/CMapType 2 def",
                 "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
        for k in range(0, len(entries), BFCHAR_MOST):
            chunk = entries[k:k + BFCHAR_MOST]
            lines.append(f"{len(chunk)} beginbfchar")
            lines += [f"<{code:04X}> <{text.encode('utf-16-be').hex().upper()}>" for code, text in chunk]
            lines.append("endbfchar")
        lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        return "\n".join(lines).encode("ascii")

    def addObjects(self, doc) -> None:  # noqa: N802 (ReportLab calls it by this name)
        """Called by ReportLab when the document is saved: the font file, dictionaries and maps."""
        data = self._subset()
        by_code = sorted((code, gid, text) for (gid, text), code in self.codes.items()) or \
            sorted((gid, gid, text) for gid, text in self.cff_text.items())
        digest = hashlib.sha256(data + repr(by_code).encode("utf-8")).digest()
        prefix = "".join(chr(ord("A") + b % 26) for b in digest[:TAG_LETTERS])
        name = f"{prefix}+{self.face.key}"
        # PostScript outlines (most CJK fonts) are embedded as an OpenType file of a CIDFontType0 font
        cff = self.face.cff
        file = doc.Reference(PDFStream(PDFDictionary({"Subtype": PDFName("OpenType")} if cff else
                                                     {"Length1": len(data)}), data, filters=[PDFZCompress]))
        head = self.face.hb_face.reference_table("head").data
        scale = GLYPH_UNITS / self.face.upem

        def s16(offset):
            return int.from_bytes(head[offset:offset + 2], "big", signed=True)

        descriptor = doc.Reference(PDFDictionary({
            "Type": PDFName("FontDescriptor"), "FontName": PDFName(name),
            "Flags": NONSYMBOLIC + (ITALIC if self.face.italic else 0),
            "FontBBox": PDFArray([round(s16(k) * scale) for k in HEAD_BBOX]),
            "ItalicAngle": ITALIC_ANGLE if self.face.italic else 0, "Ascent": round(self.face.ascender * GLYPH_UNITS),
            "Descent": -round(self.face.descender * GLYPH_UNITS),
            "CapHeight": round(self.face.ascender * GLYPH_UNITS * CAP_HEIGHT),
            "StemV": STEM_BOLD if self.face.bold else STEM_REGULAR, "FontFile3" if cff else "FontFile2": file}))
        gid_map = b"\0\0" + b"".join(gid.to_bytes(2, "big") for _, gid, _ in by_code)
        cid = PDFDictionary({
            "Type": PDFName("Font"), "Subtype": PDFName("CIDFontType0" if cff else "CIDFontType2"),
            "BaseFont": PDFName(name),
            "CIDSystemInfo": PDFDictionary({"Registry": PDFString("Adobe"), "Ordering": PDFString("Identity"),
                                            "Supplement": 0}),
            "FontDescriptor": descriptor, "W": self._widths([(code, gid) for code, gid, _ in by_code]),
            **({} if cff else {"CIDToGIDMap": doc.Reference(PDFStream(PDFDictionary({}), gid_map,
                                                                       filters=[PDFZCompress]))})})
        cmap = PDFStream(PDFDictionary({}), self._cmap(prefix, [(code, text) for code, _, text in by_code]),
                         filters=[PDFZCompress])
        font = PDFDictionary({
            "Type": PDFName("Font"), "Subtype": PDFName("Type0"), "BaseFont": PDFName(name),
            "Encoding": PDFName("Identity-H"), "DescendantFonts": PDFArray([doc.Reference(cid)]),
            "ToUnicode": doc.Reference(cmap)})
        doc.idToObject["BasicFonts"].dict[self.resource] = doc.Reference(font, f"Font.{self.resource}")
