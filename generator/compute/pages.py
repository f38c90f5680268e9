"""Free pages and citations: editors' Markdown with simple directives, resolved per edition.

    {{ tabel("financieel-overzicht") }}          a table, on a line of its own
    {{ grafiek("...") }}                         a chart, on a line of its own
    {{ kpi("kosten-per-klant") }}                 a KPI value of this edition, in running text
    {{ kpi("eigen-regie", "Jeugd") }}             ... of one series
    {{ kpi("eigen-regie", "Jeugd", "streefwaarde") }}
    {{ totaal("financieel-overzicht", "verschil") }}
    {{ cel("financieel-overzicht", "Jeugdzorg", "verschil") }}

Directives are rendered with a sandboxed Jinja environment whose only globals are
these functions, and only plain calls with literal arguments are evaluated at all
(`refused_directive`), so an editor's text can never run code or tie up the build. Every unknown reference
becomes a Problem with file:line; rendering carries on, so all of them are reported.
Figures are filled in here, in the compute stage, so a frozen edition keeps them.
"""

from __future__ import annotations

import re
import sys
from typing import Any, Callable

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError, nodes
from jinja2.exceptions import SecurityError, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from generator.compute.content import EditionContent, TableCharts
from generator.compute.kpi import HistoryCache, indicator_view
from generator.compute.tables import cited_cell_text, compute_tables, counts_rows
from generator.compute.views import IndicatorView, PageBlock, PageView, TableView, block_token
from generator.model.free_pages import TableSource
from generator.model.project import EditionInput, ProjectModel
from generator.core.periods import Period
from generator.core.problems import Problems, suggest
from generator.core.markdown import escape_markdown_text, inspect_markdown
from generator.core.vocabulary import Severity

FUNCTIONS = ("tabel", "grafiek", "kpi", "totaal", "cel")
KPI_FIELDS = ("waarde", "streefwaarde", "afwijking", "verandering", "status")
UNKNOWN = "??"
SYNTAX_HINT = 'schrijf bijvoorbeeld {{ tabel("financieel-overzicht") }} of {{ kpi("kosten-per-klant") }}'
FUNCTIONS_HINT = "beschikbaar zijn: " + ", ".join(f"{f}(...)" for f in FUNCTIONS)


_JINJA_PHRASES = {
    "unexpected '}'": "de accolades kloppen niet; een opdracht staat tussen {{ en }}",
    "expected token 'end of print statement'": "na de opdracht staat nog iets (een aanhalingsteken of komma vergeten?)",
    "unexpected end of template": "een {{ of {% wordt niet afgesloten",
    "unexpected char": "een teken dat hier niet mag",
    "Encountered unknown tag": "onbekende opdracht tussen {% en %}",
    "unexpected '": "een teken op een plek waar het niet hoort",
    "expected token ','": "een komma ontbreekt tussen de argumenten",
    "no filter named": "onbekend filter (na |)",
    "No filter named": "onbekend filter (na |)",
}


# Directives in one text (a field or a free page): each citation compares itself with the
# ones before it on the page, so work grows with the square (4,000 took 48 s).
MAX_DIRECTIVES = 300


def refused_directive(template: nodes.Template) -> tuple[int, str] | None:
    """(line, Dutch message) of the first thing in an editor's text that is not a directive.

    The sandbox stops access to Python internals, but not work: `{{ 9**9**9 }}`,
    `{{ "a".center(999999999) }}` or nested `{% for %}` loops over literals would hang
    the build or exhaust its memory. Directives need none of that, so only these pass:
    a name, a literal, or a call of a name with literal arguments. Everything else is
    refused before anything is evaluated.
    """
    for node in template.body:
        if not isinstance(node, nodes.Output):
            return node.lineno, "de opdracht tussen {{ en }} kan niet worden uitgevoerd: opdrachten tussen {% en %} zijn in een tekst niet toegestaan"
        for child in node.nodes:
            if not isinstance(child, nodes.TemplateData) and not _plain_directive(child):
                return child.lineno, "deze opdracht is in een tekst niet toegestaan"
            hidden = _hidden_markup(child)
            if hidden is not None:
                return child.lineno, hidden
    return None


def _hidden_markup(expr: nodes.Node) -> str | None:
    """A literal printed as it is (`{{ "\\x3cscript\\x3e" }}`) reaches the page after the
    Markdown check has looked at the text: Jinja decodes its escapes only when it renders.
    So the decoded literal gets the same check as the text around it."""
    if not (isinstance(expr, nodes.Const) and isinstance(expr.value, str)):
        return None
    findings = inspect_markdown(expr.value)
    if not findings:
        return None
    return f"de tekst tussen {{{{ en }}}} bevat iets wat niet op de site komt: {findings[0].message}; schrijf de tekst zelf, zonder {{{{ }}}}"


def _plain_directive(expr: nodes.Expr) -> bool:
    if isinstance(expr, nodes.Name):
        return True
    if isinstance(expr, nodes.Const):
        return isinstance(expr.value, (str, int, float)) and not isinstance(expr.value, bool)
    if isinstance(expr, nodes.Call):
        return (
            isinstance(expr.node, nodes.Name)
            and all(isinstance(a, nodes.Const) for a in expr.args)
            and all(isinstance(k.value, nodes.Const) for k in expr.kwargs)
            and expr.dyn_args is None
            and expr.dyn_kwargs is None
        )
    return False


def _dutch_jinja(message: str) -> str:
    for english, dutch in _JINJA_PHRASES.items():
        if english in message:
            return dutch
    return f"syntaxfout ({message})"


def _template_line() -> int | None:
    """The template line of the directive being evaluated (from the compiled template's frame)."""
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return template.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back
    return None


def _traceback_line(exc: BaseException) -> int | None:
    tb = exc.__traceback__
    line = None
    while tb is not None:
        template = tb.tb_frame.f_globals.get("__jinja_template__")
        if template is not None:
            line = template.get_corresponding_lineno(tb.tb_lineno)
        elif tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


class Citations:
    """Resolves directives for one edition."""

    def __init__(self, project: ProjectModel, edition: EditionInput, tables: dict[str, TableView],
                 sources: dict[str, TableSource], problems: Problems, history: HistoryCache, charts: TableCharts):
        self.history = history  # shared with the KPI views: every history row is computed once
        self.charts = charts
        self.project = project
        self.edition = edition
        self.tables = tables
        self.sources = sources
        self.problems = problems
        self.used_tables: set[str] = set()
        self._indicators: dict[str, IndicatorView] = {}
        self.env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True,
                                        finalize=self._finalize)
        self.env.globals.clear()  # no range(), dict(), lipsum(), ...: only our functions
        self.env.filters.clear()
        self.env.tests.clear()
        # per render
        self._file = ""
        self._first_line = 1
        self._blocks: list[tuple[PageBlock, int | None]] | None = None

    # --- rendering -------------------------------------------------------------------

    def render(self, text: str, file: str, first_line: int, blocks_allowed: bool) -> tuple[str, list[PageBlock]]:
        """Fill in a text's directives. `first_line` is the file line of the text's first line."""
        if "{{" not in text and "{%" not in text and "{#" not in text:
            return text, []
        self._file, self._first_line = file, first_line
        self._blocks = [] if blocks_allowed else None
        count = text.count("{{") + text.count("{%")
        if count > MAX_DIRECTIVES:  # citations and blocks cost more per directive already on the page
            first = min(i for i in (text.find("{{"), text.find("{%")) if i >= 0)
            self._problem(text.count("\n", 0, first) + 1, f"de tekst bevat {count} opdrachten tussen {{{{ en }}}}; de grens is {MAX_DIRECTIVES}",
                          "verdeel de tekst over meer pagina's, of toon de cijfers met één tabel(...) in plaats van elk apart")
            return text, []
        try:
            refused = refused_directive(self.env.parse(text))
            template = self.env.from_string(text, globals=self._globals())
        except TemplateSyntaxError as exc:
            self._problem(exc.lineno, f"de opdracht tussen {{{{ en }}}} klopt niet: {_dutch_jinja(exc.message or '')}", SYNTAX_HINT)
            return text, []
        except RecursionError:
            self._problem(None, "de opdracht tussen {{ en }} is te diep genest", SYNTAX_HINT)
            return text, []
        if refused is not None:
            line, message = refused
            self._problem(line, message, FUNCTIONS_HINT)
            return text, []
        try:
            out = template.render()
        except UndefinedError as exc:
            name = re.search(r"'([^']+)' is undefined", str(exc))
            what = f"onbekende naam `{name.group(1)}`" if name else "onbekende naam"
            self._problem(_traceback_line(exc), what, suggest(name.group(1), FUNCTIONS) if name else None or FUNCTIONS_HINT)
            return text, []
        except SecurityError as exc:
            self._problem(_traceback_line(exc), "deze opdracht is in een tekst niet toegestaan", FUNCTIONS_HINT)
            return text, []
        except (TemplateError, TypeError, ValueError, ArithmeticError, AttributeError, LookupError, OverflowError, RecursionError) as exc:
            self._problem(_traceback_line(exc), f"de opdracht tussen {{{{ en }}}} kan niet worden uitgevoerd ({type(exc).__name__})", SYNTAX_HINT)
            return text, []
        blocks: list[PageBlock] = []
        for index, (block, line) in enumerate(self._blocks or []):
            token = block_token(index)
            if not re.search(rf"^[ \t]*{re.escape(token)}[ \t]*$", out, re.M):
                self._problem(line, f"`{block.kind}(...)` moet op een eigen regel staan, zonder andere tekst",
                              "zet de opdracht op een lege regel tussen twee alinea's")
            out = re.sub(rf"^[ \t]*{re.escape(token)}[ \t]*$", f"\n{token}\n", out, flags=re.M)
            blocks.append(block)
        return out, blocks

    def _finalize(self, value: Any) -> Any:
        # {{ tabel }} without brackets would print a function; only our text may come out.
        if callable(value):
            name = getattr(value, "directive", "")
            self._problem(_template_line(), f"`{name}` zonder haakjes: schrijf {name}(...)" if name else "dit is geen tekst of cijfer",
                          _USAGE.get(name, SYNTAX_HINT))
            return UNKNOWN
        if isinstance(value, str) or (isinstance(value, (int, float)) and not isinstance(value, bool)):
            return value
        self._problem(_template_line(), "tussen {{ en }} staat geen tekst of cijfer", FUNCTIONS_HINT)
        return UNKNOWN

    def _globals(self) -> dict[str, Callable[..., str]]:
        return {name: self._guard(name, getattr(self, f"_fn_{name}")) for name in FUNCTIONS}

    def _guard(self, name: str, fn: Callable[..., str]) -> Callable[..., str]:
        def call(*args: Any, **kwargs: Any) -> str:
            line = _template_line()
            if kwargs or not all(isinstance(a, (str, int, float)) and not isinstance(a, bool) for a in args):
                self._problem(line, f"`{name}(...)` krijgt alleen teksten tussen aanhalingstekens, gescheiden door komma's",
                              SYNTAX_HINT)
                return UNKNOWN
            try:
                return fn(line, *[str(a) for a in args])
            except TypeError:
                self._problem(line, f"`{name}(...)` heeft een ander aantal argumenten", _USAGE[name])
                return UNKNOWN
        call.directive = name  # type: ignore[attr-defined]
        return call

    def _problem(self, template_line: int | None, message: str, hint: str | None = None, severity: str = Severity.ERROR) -> None:
        line = self._first_line + template_line - 1 if template_line else None
        self.problems.add(self._file, line, message, hint, severity=severity)

    # --- directives ------------------------------------------------------------------

    def _fn_tabel(self, line: int | None, table_id: str) -> str:
        if self._blocks is None:
            self._problem(line, "een tabel kan alleen op een vrije pagina staan", "citeer hier een cijfer met totaal(...) of cel(...)")
            return UNKNOWN
        table = self._table(line, table_id)
        if table is None:
            return UNKNOWN
        self._blocks.append((PageBlock(kind="tabel", table=table), line))
        return block_token(len(self._blocks) - 1)

    def _fn_grafiek(self, line: int | None, table_id: str) -> str:
        if self._blocks is None:
            self._problem(line, "een grafiek kan alleen op een vrije pagina staan", "zet {{ grafiek(...) }} op een vrije pagina")
            return UNKNOWN
        table = self._table(line, table_id)
        if table is None:
            return UNKNOWN
        chart = self.charts.default_config(table)
        problem = self.charts.table_chart_problem(table)  # an error now, not at build time
        if problem is not None:
            self._problem(line, problem, f"pas `grafiek:` van de tabel aan in content/edities/{self.edition.period}/tabellen.yml")
            return UNKNOWN
        self._blocks.append((PageBlock(kind="grafiek", table=table, chart=chart), line))
        return block_token(len(self._blocks) - 1)

    def _fn_kpi(self, line: int | None, indicator_id: str, series: str | None = None, what: str = "waarde") -> str:
        ind = self._indicator(line, indicator_id)
        if ind is None:
            return UNKNOWN
        names = [s.name for s in ind.series]
        if series is None:
            if len(ind.series) > 1:
                self._problem(line, f"indicator `{indicator_id}` heeft meerdere reeksen; zeg welke",
                              f'bijvoorbeeld {{{{ kpi("{indicator_id}", "{names[0]}") }}}}; reeksen: {", ".join(names)}')
                return UNKNOWN
            view = ind.series[0]
        else:
            view = next((s for s in ind.series if s.name == series), None)
            if view is None:
                if series in KPI_FIELDS and len(ind.series) == 1:
                    view, what = ind.series[0], series  # kpi("kosten-per-klant", "streefwaarde")
                else:
                    self._problem(line, f"reeks `{series}` bestaat niet bij indicator `{indicator_id}`",
                                  suggest(series, names) or ("reeksen: " + ", ".join(names) if names != [""] else "deze indicator heeft geen reeksen"))
                    return UNKNOWN
        if what not in KPI_FIELDS:
            self._problem(line, f"`{what}` is geen onderdeel van een KPI", "kies uit: " + ", ".join(KPI_FIELDS))
            return UNKNOWN
        text = {
            "waarde": view.value_text,
            "streefwaarde": view.target_text,
            "afwijking": view.deviation_text,
            "verandering": view.change_text,
            "status": view.status_word.lower(),
        }[what]
        return _inline(text)

    def _fn_totaal(self, line: int | None, table_id: str, column: str) -> str:
        table = self._table(line, table_id)
        if table is None:
            return UNKNOWN
        if counts_rows(table):
            if column.strip().lower() in ("aantal", "regels"):
                return str(len(table.rows))
            self._problem(line, f"tabel `{table_id}` is een teksttabel en heeft geen totalen", 'gebruik totaal("' + table_id + '", "aantal") voor het aantal regels')
            return UNKNOWN
        row = next((r for r in reversed(table.rows) if r.kind == "totaal"), None)
        if row is None:
            self._problem(line, f"tabel `{table_id}` heeft geen totaalregel",
                          "geef een regel in de gegevens de soort `totaal`, of citeer een regel met cel(...)")
            return UNKNOWN
        return self._cell_text(line, table, row, column)

    def _fn_cel(self, line: int | None, table_id: str, row_label: str, column: str) -> str:
        table = self._table(line, table_id)
        if table is None:
            return UNKNOWN
        labels = [r.cells[0].text for r in table.rows]
        matches = [r for r in table.rows if r.cells[0].text.strip().lower() == row_label.strip().lower()]
        if not matches:
            self._problem(line, f"regel `{row_label}` bestaat niet in tabel `{table_id}`",
                          suggest(row_label, labels) or "regels: " + ", ".join(f"`{x}`" for x in labels))
            return UNKNOWN
        return self._cell_text(line, table, matches[0], column)

    # --- lookups ---------------------------------------------------------------------

    def _table(self, line: int | None, table_id: str) -> TableView | None:
        if table_id in self.tables:
            self.used_tables.add(table_id)
            return self.tables[table_id]
        if table_id in self.sources:
            self.used_tables.add(table_id)
            return None  # defined, but its figures have errors (reported with the table)
        known = sorted(self.sources)
        where = f"content/edities/{self.edition.period}/tabellen.yml"
        self._problem(line, f"tabel `{table_id}` bestaat niet in deze editie",
                      _suggest_id(table_id, known) or (f"tabellen in {where}: " + ", ".join(known) if known else f"definieer de tabel in {where}"))
        return None

    def _indicator(self, line: int | None, indicator_id: str) -> IndicatorView | None:
        if indicator_id not in self._indicators:
            ind = next((i for i in self.project.indicators if i.id == indicator_id), None)
            if ind is None:
                self._problem(line, f"indicator `{indicator_id}` bestaat niet",
                              _suggest_id(indicator_id, [i.id for i in self.project.indicators]) or "zie content/indicatoren.yml")
                return None
            self._indicators[indicator_id] = indicator_view(self.project, ind, self.edition, self.history)
        return self._indicators[indicator_id]

    def _cell_text(self, line: int | None, table: TableView, row, column: str) -> str:
        key = column.strip().lower()
        keys = [c.key for c in table.columns]
        if key not in keys:
            self._problem(line, f"tabel `{table.id}` heeft geen kolom `{column}`",
                          suggest(key, keys) or "kolommen: " + ", ".join(keys))
            return UNKNOWN
        col = table.columns[keys.index(key)]
        cell = row.cells[keys.index(key)]
        if cell.future:
            return "nog niet bekend"
        text = cited_cell_text(table, col, cell, _decimals_of(cell.text))
        return _inline(text)


def _inline(text: str) -> str:
    """A cited figure in running text: Markdown-safe, and "€ 802.000" never split over two lines."""
    return escape_markdown_text(text.replace("€ ", "€\u00a0"))


def _suggest_id(word: str, ids: list[str]) -> str | None:
    """'did you mean' for an id, also for a shortened one (`kosten` -> `kosten-per-klant`)."""
    found = suggest(word, ids)
    if found:
        return found
    starts = [i for i in ids if i.startswith(word.lower())]
    return f"bedoelt u `{starts[0]}`?" if len(starts) == 1 else None


def _decimals_of(text: str) -> int:
    m = re.search(r",(\d+)", text)
    return len(m.group(1)) if m else 0


_USAGE = {
    "tabel": 'schrijf {{ tabel("tabel-id") }} op een eigen regel',
    "grafiek": 'schrijf {{ grafiek("tabel-id") }} op een eigen regel',
    "kpi": 'schrijf {{ kpi("indicator-id") }}, {{ kpi("indicator-id", "reeks") }} of {{ kpi("indicator-id", "reeks", "streefwaarde") }}',
    "totaal": 'schrijf {{ totaal("tabel-id", "kolom") }}',
    "cel": 'schrijf {{ cel("tabel-id", "regel", "kolom") }}',
}


def _value_line(doc, key: str) -> int | None:
    """The file line where a YAML text value starts: the key's line, or the next one for `|`/`>` blocks."""
    line = doc.line_of((key,))
    try:
        raw = doc.path.read_text(encoding="utf-8-sig").splitlines()[line - 1]
    except (OSError, IndexError, TypeError, UnicodeDecodeError):
        return line
    after = raw.split(":", 1)[1].strip() if ":" in raw else ""
    return line + 1 if after[:1] in ("|", ">") else line


def compute_edition_content(
    project: ProjectModel, edition: EditionInput, problems: Problems, history: HistoryCache, charts: TableCharts,
) -> EditionContent:
    """An edition's tables, then its free pages, narratives and foreword with citations resolved."""
    period: Period = edition.period
    result = EditionContent()
    sources = {s.definition.id: s for s in edition.tables}
    result.tables = compute_tables(edition.tables, project.paths, period, problems)
    citations = Citations(project, edition, result.tables, sources, problems, history, charts)
    for page in edition.pages:
        body, blocks = citations.render(page.body, page.file, page.body_line, blocks_allowed=True)
        result.pages.append(PageView(
            slug=page.slug, title=page.title, order=page.meta.order, body_md=body, blocks=blocks,
            url=f"{period.slug}/{page.slug}/", role=page.meta.role.value, salutation=page.meta.salutation,
            signatures=[(sig.name, sig.function) for sig in page.meta.signatures],
        ))
    for ind_id, narrative in edition.narratives.items():
        doc = edition.narrative_docs.get(ind_id)
        for key, text in (("toelichting", narrative.explanation), ("aandacht", narrative.attention)):
            if text and doc is not None:
                resolved, _ = citations.render(text, doc.rel, _value_line(doc, key) or 1, blocks_allowed=False)
                result.narratives[(ind_id, key)] = resolved
    if edition.settings.foreword and edition.settings_doc is not None:
        result.foreword, _ = citations.render(edition.settings.foreword, edition.settings_doc.rel,
                                              _value_line(edition.settings_doc, "voorwoord") or 1, blocks_allowed=False)
    for src in edition.tables:
        if src.definition.id not in citations.used_tables:
            problems.add(src.file, src.line, f"tabel `{src.definition.id}` wordt nergens gebruikt",
                         'zet {{ tabel("' + src.definition.id + '") }} op een vrije pagina, of verwijder de tabel',
                         severity=Severity.WARNING)
    return result
