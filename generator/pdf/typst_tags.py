"""Row headers in the PDF's structure tree: TH with row scope.

Why a pass after Typst: Typst tags `table.header` cells as TH (column scope) but every
other cell as TD; row-scoped TH needs `pdf.header-cell`, behind Typst's `a11y-extras`
feature flag, which the Python binding cannot switch on. So Typst writes the table and
this pass retags the cells that were `<th>` in the site's HTML: `/S /TH`, scope Row, an
ID, and that ID in the `/Headers` of the other cells of the row. Only the structure tree
changes (no content stream, no page), so what Typst checked for PDF/A and PDF/UA holds.
A table whose tagged shape is not the HTML's is left as Typst wrote it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence

Plan = Sequence[Sequence[Sequence[bool]]]  # per table, per body row: is the cell a row header


def tag_row_headers(pdf: bytes, plan: Plan) -> bytes:
    if not any(any(any(row) for row in table) for table in plan):
        return pdf  # nothing to retag: Typst's bytes as they are
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # keep Typst's version (PDF/A-2 needs 1.7)
    root = writer.root_object["/StructTreeRoot"].get_object()
    names = root["/IDTree"].get_object()["/Names"] if "/IDTree" in root else None
    if names is None:
        return pdf
    tables = list(_elements(root, "/Table"))
    new_ids: list[tuple[str, object]] = []
    # The plan's tables come in document order, but the PDF has more (the cover's, the
    # sources'): walk both, a PDF table whose shape is not the next planned one is skipped.
    pending = list(plan)
    for t, table in enumerate(tables):
        rows = _body_rows(table)
        cells = [[c for c in _kids(r) if c.get("/S") in ("/TD", "/TH")] for r in rows]
        if not pending or [len(r) for r in cells] != [len(r) for r in pending[0]]:
            continue
        rows_plan = pending.pop(0)
        for y, (row, flags) in enumerate(zip(cells, rows_plan)):
            ids = []
            for x, (cell, is_header) in enumerate(zip(row, flags)):
                if not is_header:
                    continue
                ident = TextStringObject(f"R{t + 1}x{x}y{y}")
                attrs = _table_attrs(cell)
                attrs[NameObject("/Scope")] = NameObject("/Row")
                cell[NameObject("/S")] = NameObject("/TH")
                cell[NameObject("/ID")] = ident
                new_ids.append((str(ident), cell.indirect_reference))
                ids.append(ident)
            for cell, is_header in zip(row, flags):
                if ids and not is_header:
                    headers = _table_attrs(cell).setdefault(NameObject("/Headers"), ArrayObject())
                    headers.extend(ids)
    if not new_ids:
        return pdf
    # A name tree's keys are sorted (byte order).
    pairs = [(str(names[i]), names[i + 1]) for i in range(0, len(names), 2)] + new_ids
    pairs.sort(key=lambda p: p[0].encode("utf-8"))
    flat = ArrayObject()
    for key, ref in pairs:
        flat.extend([TextStringObject(key), ref])
    root["/IDTree"].get_object()[NameObject("/Names")] = flat
    # PDF/A: the Info dictionary must agree with the XMP, so keep Typst's as it was.
    original = reader.trailer.get("/Info")
    info = writer._info.get_object() if writer._info is not None else DictionaryObject()
    for key in [k for k in info if original is None or k not in original.get_object()]:
        del info[key]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _kids(element) -> list:
    from pypdf.generic import ArrayObject, DictionaryObject

    k = element.get("/K")
    if k is None:
        return []
    k = k.get_object()
    items = list(k) if isinstance(k, ArrayObject) else [k]
    return [i.get_object() for i in items if isinstance(i.get_object(), DictionaryObject) and "/S" in i.get_object()]


def _elements(element, kind: str) -> Iterator:
    for child in _kids(element):
        if child.get("/S") == kind:
            yield child
        yield from _elements(child, kind)


def _body_rows(table) -> list:
    rows = []
    for child in _kids(table):
        if child.get("/S") == "/TR":
            rows.append(child)
        elif child.get("/S") in ("/TBody", "/TFoot"):
            rows += [r for r in _kids(child) if r.get("/S") == "/TR"]
    return rows


def _table_attrs(cell):
    """The cell's attribute dictionary with owner /Table (made when missing)."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject

    attrs = cell.get("/A")
    attrs = attrs.get_object() if attrs is not None else None
    if isinstance(attrs, DictionaryObject):
        attrs = ArrayObject([attrs])
    if attrs is None:
        attrs = ArrayObject()
    cell[NameObject("/A")] = attrs
    for a in attrs:
        a = a.get_object()
        if a.get("/O") == "/Table":
            return a
    made = DictionaryObject({NameObject("/O"): NameObject("/Table")})
    attrs.append(made)
    return made
