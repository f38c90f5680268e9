"""Per-edition tables (tabellen.yml) and free pages (paginas/<slug>.md): read and validate.

The figures of a table are read later, in the compute stage (generator/compute/tables.py);
here only the definitions and the page texts are checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.yamlfile import YamlDoc, load_yaml, parse_yaml, read_text
from generator.model.base import near_miss_suffix, validate_doc
from generator.model.narrative import check_markdown_text
from generator.model.tables import PageMeta, TableBase, TableModels
from generator.core.problems import Problems, suggest
from generator.core.paths import ProjectPaths
from generator.core.vocabulary import PageRole

TABLES_FILE = "tabellen.yml"
PAGES_DIR = "paginas"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*\Z")  # \Z, not $: "nieuw\n.md" must not pass
# Page slugs that would collide with the edition's own pages.
RESERVED_SLUGS = {"index", "kpi", "maatregelen", "assets", "search"}


@dataclass
class TableSource:
    definition: TableBase  # the model of its kind (generator/compute/tables/<kind>.py)
    file: str  # the tabellen.yml that defines it (project-relative)
    line: int | None  # line of the table's `id`
    doc: YamlDoc
    index: int  # position in the `tabellen` list

    def line_of(self, *keys: str) -> int | None:
        """The line of a key of this table's definition, e.g. line_of("kolommen", "begroting")."""
        return self.doc.line_of(("tabellen", self.index) + keys)


@dataclass
class PageSource:
    slug: str
    file: str  # project-relative path of the .md file
    meta: PageMeta
    title: str
    body: str  # Markdown with directives, front matter (and a leading title heading) removed
    body_line: int  # file line of the body's first line


@dataclass
class EditionExtras:
    tables: list[TableSource] = field(default_factory=list)
    pages: list[PageSource] = field(default_factory=list)


def load_edition_extras(paths: ProjectPaths, folder: Path, problems: Problems, table_models: TableModels) -> EditionExtras:
    extras = EditionExtras()
    tables_path = folder / TABLES_FILE
    if tables_path.is_file():
        extras.tables = _load_tables(paths, tables_path, problems, table_models)
    pages_dir = folder / PAGES_DIR
    if pages_dir.is_dir():
        for path in sorted(pages_dir.iterdir()):
            if path.is_file() and path.suffix == ".md":
                page = _load_page(paths, path, problems)
                if page is not None:
                    extras.pages.append(page)
            elif path.is_file() and path.suffix.lower() == ".md":
                problems.add(paths.rel(path), None, *near_miss_suffix(path, ".md"), severity="waarschuwing")
            elif path.is_file() and path.suffix in (".markdown", ".txt", ".yml", ".yaml"):
                problems.add(
                    paths.rel(path), None, "bestand wordt niet gebruikt: een vrije pagina is een .md-bestand",
                    f"hernoem het naar {path.stem}.md", severity="waarschuwing",
                )
    extras.pages.sort(key=lambda p: (p.meta.order, p.title.lower()))
    return extras


def _load_tables(paths: ProjectPaths, path: Path, problems: Problems, table_models: TableModels) -> list[TableSource]:
    rel = paths.rel(path)
    doc = load_yaml(path, rel, problems)
    if doc is None:
        return []
    data = doc.data
    if not isinstance(data, dict) or "tabellen" not in data:
        problems.add(rel, 1, "verwacht een lijst `tabellen:`", "begin het bestand met `tabellen:` en zet daaronder elke tabel als `- id: ...`")
        return []
    extra = [k for k in data if k != "tabellen"]
    for key in extra:
        problems.add(rel, doc.line_of((key,)), f"onbekende sleutel `{key}`", "toegestane sleutels: `tabellen`")
    items = data["tabellen"]
    if not isinstance(items, list):
        problems.add(rel, doc.line_of(("tabellen",)), "`tabellen` moet een lijst zijn (regels die beginnen met `- `)")
        return []
    out: list[TableSource] = []
    seen: dict[str, int | None] = {}
    for i, item in enumerate(items):
        loc = ("tabellen", i)
        if not isinstance(item, dict):
            problems.add(rel, doc.line_of(loc), "verwacht een tabel met sleutels (`id`, `titel`, `soort`, `bestand`, ...)")
            continue
        kind = item.get("soort")
        model = table_models.get(kind) if isinstance(kind, str) else None
        if model is None:
            if kind is None:
                problems.add(rel, doc.line_of(loc), "verplichte sleutel `soort` ontbreekt", "kies uit: " + ", ".join(table_models))
            else:
                problems.add(
                    rel, doc.line_of(loc + ("soort",)), f"`{kind}` is geen geldige waarde voor `soort`; kies uit: {', '.join(table_models)}",
                    suggest(str(kind), table_models),
                )
            continue
        definition = validate_doc(doc, model, problems, prefix=loc)
        if definition is None:
            continue
        line = doc.line_of(loc + ("id",))
        if definition.id in seen:
            problems.add(rel, line, f"tabel `{definition.id}` komt twee keer voor", f"eerder op regel {seen[definition.id]}")
            continue
        seen[definition.id] = line
        _check_file_keys(definition, doc, loc, problems)
        out.append(TableSource(definition, rel, line, doc, i))
    return out


def _check_file_keys(definition, doc: YamlDoc, loc: tuple, problems: Problems) -> None:
    name = definition.file.lower()
    if not name.endswith((".csv", ".xlsx", ".xlsm")):
        hint = "sla een Excel-bestand op als .xlsx" if name.endswith(".xls") else "gebruik een .csv- of .xlsx-bestand uit de map data/"
        problems.add(doc.rel, doc.line_of(loc + ("bestand",)), f"`{definition.file}` is geen CSV- of XLSX-bestand", hint)
    elif name.endswith(".csv"):
        for key, value in (("blad", definition.sheet), ("bereik", definition.cell_range)):
            if value is not None:
                problems.add(doc.rel, doc.line_of(loc + (key,)), f"`{key}` geldt alleen voor XLSX-bestanden", "laat deze sleutel weg bij een CSV-bestand")


def _load_page(paths: ProjectPaths, path: Path, problems: Problems) -> PageSource | None:
    rel = paths.rel(path)
    slug = path.stem
    if not SLUG.match(slug):
        problems.add(rel, None, f"`{path.name}`: de bestandsnaam wordt het adres van de pagina en mag alleen kleine letters, cijfers en koppeltekens bevatten",
                     "bijvoorbeeld financiele-verantwoording.md")
        return None
    if slug in RESERVED_SLUGS:
        problems.add(rel, None, f"`{slug}` is gereserveerd voor de pagina's van de editie zelf", "kies een andere bestandsnaam")
        return None
    text = read_text(path, rel, problems)
    if text is None:
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    meta = PageMeta.model_validate({})
    body_start = 0  # index of the body's first line
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is None:
            problems.add(rel, 1, "de kop (front matter) begint met `---` maar wordt niet afgesloten", "zet een regel `---` onder de kop")
            return None
        doc = parse_yaml("\n".join(lines[1:end]), path, rel, problems, line_offset=1)
        if doc is None:
            return None
        parsed = validate_doc(doc, PageMeta, problems)
        if parsed is None:
            return None
        meta = parsed
        _check_letter_keys(meta, doc, rel, problems)
        body_start = end + 1
    title = meta.title
    # Without `titel`, a leading "# Kop" is the title (and not repeated in the body).
    first = next((i for i in range(body_start, len(lines)) if lines[i].strip()), None)
    if first is not None and re.match(r"^#\s+\S", lines[first]):
        heading = lines[first].lstrip("#").strip()
        if title is None:
            title = heading
        if heading == title:
            lines[first] = ""
    if title is None:
        title = slug.replace("-", " ").capitalize()
    body = "\n".join(lines[body_start:])
    check_markdown_text(rel, body_start + 1, body, problems)
    return PageSource(slug, rel, meta, title, body, body_start + 1)


def _check_letter_keys(meta: PageMeta, doc: YamlDoc, rel: str, problems: Problems) -> None:
    """`aanhef` and `ondertekening` belong to a letter: elsewhere nothing would show them."""
    if meta.role == PageRole.LETTER:
        return
    for key, given in (("aanhef", meta.salutation is not None), ("ondertekening", bool(meta.signatures))):
        if given:
            has = f"heeft `soort: {meta.role.value}`" if "soort" in doc.data else "heeft geen `soort` (dus een gewone pagina)"
            problems.add(rel, doc.line_of((key,)), f"`{key}` hoort alleen bij een brief; deze pagina {has}",
                         f"zet `soort: {PageRole.LETTER.value}` in de kop, of laat `{key}` weg")
