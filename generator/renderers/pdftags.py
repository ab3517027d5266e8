"""Tagged PDF (PDF/UA-1) for the PDF writer: marked content around what a page draws, and the objects
that tie it to the planned structure tree (StructTreeRoot, StructElems, ParentTree, link OBJRs,
MarkInfo, XMP metadata with the PDF/UA identifier). The structure is decided by the planners
(generator.page: Node, Mark, tags); this module only writes it down."""
from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFObject, PDFStream, PDFString

from ..page import PAGINATION, Link, Node

PRINT = 4       # an annotation's flag: printed with the page (PDF/UA asks for it)


class Literal(PDFObject):
    """A PDF token written as it is (true, false)."""

    def __init__(self, token: str):
        self.token = token

    def format(self, document) -> bytes:
        return self.token.encode("ascii")


def text_string(text: str) -> str:
    """A PDF text string in a content stream: UTF-16BE with its byte order mark, in hex."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class Tagger:
    """Opens and closes marked content as the writer walks a page's items, and remembers which
    marked-content id (or annotation) each planned Mark became."""

    def __init__(self, canvas):
        self.c = canvas
        self.open = False           # a marked-content sequence is open
        self.resume = False         # an ActualText sequence has just ended inside the current tag
        self.current = object()     # the tag being drawn
        self.item = None            # (id(page), index) of the item being drawn
        self.page = 0
        self.mcids: list[Node] = []             # of the current page: mcid -> its element
        self.parents: list[tuple[int, list]] = []     # ParentTree entries of pages: (-1 - page, mcid's elements)
        self.where: dict[tuple[int, int], list] = {}   # (id(page), item index) -> [("mc", page, mcid) | ("annot", ref, page)]
        self.page_refs: list = []
        self.annotations = 0
        self.annotated: list[tuple[PDFDictionary, Node]] = []

    def begin_page(self, number: int) -> None:
        self.page, self.mcids = number, []
        self.page_refs.append(self.c._doc.thisPageRef())

    def enter(self, tag, page, index: int) -> None:
        """Content of tag follows (page.items[index]): continue the open sequence or start another."""
        self.item = (id(page), index)
        if self.open and tag is self.current:
            self._note()
            return
        self.close()
        self.current = tag
        self.c._code.append(self._begin(""))

    def _begin(self, extra: str) -> str:
        """The operator opening a marked-content sequence of the current tag (extra: more properties)."""
        tag = self.current
        self.open, self.resume = True, False
        if isinstance(tag, Node):
            self.mcids.append(tag)
            self._note()
            return f"/{'Span' if extra else tag.role} <</MCID {len(self.mcids) - 1}{extra}>> BDC"
        if tag == PAGINATION:
            return f"/Artifact <</Type /Pagination{extra}>> BDC"
        return f"/Artifact <<{extra}>> BDC" if extra else "/Artifact BMC"

    def _note(self) -> None:
        if isinstance(self.current, Node):
            self.where.setdefault(self.item, []).append(("mc", self.page, len(self.mcids) - 1))

    def actual(self, text: str) -> list[str]:
        """Operators that start text which readers take as text (ActualText) rather than from its glyphs:
        a sequence of its own, of the same element (poppler ends the enclosing one at a nested EMC)."""
        ops = ["EMC"] if self.open else []
        return ops + [self._begin(f" /ActualText {text_string(text)}")]

    def end_actual(self) -> list[str]:
        """Operators that end an ActualText sequence; the element's content goes on in a new one."""
        if self.open:
            self.open, self.resume = False, True
            return ["EMC"]
        return []

    def resumed(self) -> list[str]:
        """After an ActualText sequence, the operator that reopens the element (when content follows)."""
        return [self._begin("")] if self.resume else []

    def close(self) -> None:
        if self.open:
            self.c._code.append("EMC")
        self.open, self.resume, self.current = False, False, object()

    def annotation(self, item: Link, tag, page, index: int, rect) -> None:
        """A link annotation: its text as Contents and, inside a Link element, its StructParent."""
        self.annotations += 1
        ann = PDFDictionary({"Type": PDFName("Annot"), "Subtype": PDFName("Link"), "Rect": PDFArray(rect),
                             "Border": PDFArray([0, 0, 0]), "F": PRINT,
                             "Contents": PDFString(item.contents or item.url),
                             "A": PDFDictionary({"Type": PDFName("Action"), "S": PDFName("URI"),
                                                 "URI": PDFString(item.url)})})
        name = f"Link{self.annotations}"
        if isinstance(tag, Node):   # its StructParent key is given at the end, after the pages'
            self.where[(id(page), index)] = [("annot", self.c._doc.refAnnotation(name), self.page)]
            self.annotated.append((ann, tag))
        self.c._addAnnotation(ann, name)

    def end_page(self, has_annotations: bool) -> None:
        """After showPage: the page's ParentTree entry, its StructParents key and its tab order."""
        self.parents.append((-1 - self.page, list(self.mcids)))
        pdf_page = self.c._doc.Pages.pages[-1]
        names = list(pdf_page.__NoDefault__)
        pdf_page.__NoDefault__ = names + ["StructParents"] + (["Tabs"] if has_annotations else [])
        pdf_page.StructParents = self.page
        if has_annotations:
            pdf_page.Tabs = PDFName("S")

    # --- the objects, once every page is drawn -------------------------------------------------

    def finish(self, root: Node, title: str, author: str, subject: str, language: str) -> None:
        doc = self.c._doc
        tree = doc.Reference(PDFDictionary({"Type": PDFName("StructTreeRoot")}), "StructTreeRoot")
        elements: dict[int, object] = {}      # id(node) -> its reference

        def build(node: Node):
            """(reference, dictionary) of node's element; None when nothing of it was drawn."""
            kids, pages, children, seen = [], set(), [], set()
            for kid in node.kids:
                if isinstance(kid, Node):
                    built = build(kid)
                    if built is not None:
                        kids.append(built[0])
                        children.append(built[1])
                    continue
                for found in self.where.get((id(kid.page), kid.index), ()):
                    if found[0] == "annot":
                        kids.append(PDFDictionary({"Type": PDFName("OBJR"), "Obj": found[1],
                                                   "Pg": self.page_refs[found[2]]}))
                    elif (found[1], found[2]) not in seen:
                        seen.add((found[1], found[2]))
                        kids.append((found[1], found[2]))
                        pages.add(found[1])
            if not kids:
                return None
            d = PDFDictionary({"Type": PDFName("StructElem"), "S": PDFName(node.role)})
            one_page = len(pages) == 1
            if one_page:
                d["Pg"] = self.page_refs[next(iter(pages))]
            d["K"] = PDFArray([(k[1] if one_page else PDFDictionary({"Type": PDFName("MCR"),
                                                                     "Pg": self.page_refs[k[0]], "MCID": k[1]}))
                               if isinstance(k, tuple) else k for k in kids])
            if node.alt is not None:
                d["Alt"] = PDFString(node.alt)
            if node.lang:
                d["Lang"] = PDFString(node.lang)
            if node.scope:
                d["A"] = PDFDictionary({"O": PDFName("Table"), "Scope": PDFName(node.scope)})
            ref = doc.Reference(d, f"SE{len(elements)}")
            elements[id(node)] = ref
            for child in children:
                child["P"] = ref
            return ref, d

        built = build(root)
        if built is not None:
            built[1]["P"] = tree
        nums, key = [], len(self.page_refs)
        for k, value in self.parents:       # pages keep keys 0..n-1, annotations follow in order
            if k < 0:
                nums += [-1 - k, PDFArray([elements.get(id(n), Literal("null")) for n in value])]
        for ann, node in self.annotated:
            ann["StructParent"] = key
            nums += [key, elements.get(id(node), Literal("null"))]
            key += 1
        parent_tree = doc.Reference(PDFDictionary({"Nums": PDFArray(nums)}), "ParentTree")
        doc.idToObject["StructTreeRoot"].dict.update({
            "K": built[0] if built is not None else PDFArray([]), "ParentTree": parent_tree, "ParentTreeNextKey": key})
        cat = doc.Catalog
        cat.StructTreeRoot = tree
        cat.MarkInfo = PDFDictionary({"Marked": Literal("true")})
        cat.ViewerPreferences = PDFDictionary({"DisplayDocTitle": Literal("true")})
        cat.Metadata = PDFStream(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
                                 xmp(title, author, subject, language), filters=[])


def xmp(title: str, author: str, subject: str, language: str) -> bytes:
    """XMP metadata: the title a viewer shows, the author, the language and the PDF/UA-1 identifier."""
    creator = f"<dc:creator><rdf:Seq><rdf:li>{escape(author)}</rdf:li></rdf:Seq></dc:creator>" if author else ""
    description = (f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(subject)}</rdf:li></rdf:Alt>'
                   "</dc:description>") if subject else ""
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" \
xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>
{creator}{description}<dc:language><rdf:Bag><rdf:li>{escape(language)}</rdf:li></rdf:Bag></dc:language>
<dc:format>application/pdf</dc:format>
<pdf:Producer>idpc-kit (ReportLab)</pdf:Producer>
<xmp:CreatorTool>idpc-kit</xmp:CreatorTool>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode("utf-8")
