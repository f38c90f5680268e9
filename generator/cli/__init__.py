"""Command line: English commands, Dutch messages. `rapportage --help` lists them."""

from __future__ import annotations

import argparse
import errno
import os
import re
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from generator import __version__
from generator.cli.annotations import FORMATS
from generator.core.browser import BrowserMissing
from generator.core.problems import Problem, ValidationFailed
from generator.core.vocabulary import Severity
from generator.core.paths import ProjectPaths

# argparse's own texts, in Dutch (it looks them up through its module-level `_`).
_ARGPARSE_DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "the following arguments are required: %s": "deze argumenten zijn verplicht: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "expected one argument": "verwacht één argument",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "show program's version number and exit": "toon het versienummer en stop",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "onbekende opdracht %(parser_name)r (kies uit: %(choices)s)",
    "ambiguous option: %(option)s could match %(matches)s": "optie %(option)s is niet eenduidig: %(matches)s",
    "expected at most one argument": "verwacht hoogstens één argument",
    "expected at least one argument": "verwacht minstens één argument",
    "expected %s argument": "verwacht %s argument",
    "expected %s arguments": "verwacht %s argumenten",
    "not allowed with argument %s": "niet toegestaan samen met %s",
    "ignored explicit argument %r": "argument %r genegeerd",
    "one of the arguments %s is required": "een van deze argumenten is verplicht: %s",
}


def _dutch_argparse() -> None:
    argparse._ = lambda text: _ARGPARSE_DUTCH.get(text, text)  # type: ignore[attr-defined]
    argparse.ngettext = lambda s, p, n: _ARGPARSE_DUTCH.get(s if n == 1 else p, s if n == 1 else p)  # type: ignore[attr-defined]


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def print_problems(problems: list[Problem], fmt: str = "tekst", project_root: Path | None = None) -> None:
    """Every problem, in Dutch, on stderr; `github` prints CI annotations on stdout instead,
    `gitlab` a Code Quality report on stdout as well."""
    if fmt in ("github", "gitlab"):
        from generator.cli import annotations

        root = project_root or Path.cwd()
        text = annotations.github(problems, root) if fmt == "github" else annotations.gitlab(problems, root)
        if text:
            print(text, flush=True)
        if fmt == "github":
            return
        # The GitLab report goes to a file; the job log still shows every problem.
    err = _console(stderr=True)
    for p in sorted(problems, key=lambda p: (p.file, p.line or 0)):
        style = "red" if p.severity == Severity.ERROR else "yellow"
        err.print(f"[bold]{_escape(p.location())}[/bold]: [{style}]{p.severity}[/{style}]: {_escape(p.message)}")
        if p.hint:
            err.print(f"    tip: {_escape(p.hint)}")


# Messages quote what editors wrote. A newline or escape sequence in it must not start a
# line of its own in a terminal or CI log (where `::command::` lines are instructions).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(_CONTROL.sub(lambda m: repr(m.group())[1:-1], text))


def _paths(args: argparse.Namespace) -> ProjectPaths:
    return ProjectPaths.at(args.project)


def _format(args: argparse.Namespace) -> str:
    return getattr(args, "format", None) or "tekst"


def _status_console(args: argparse.Namespace):
    # With --format gitlab stdout holds the JSON report; the summary goes to stderr.
    return _console(stderr=_format(args) == "gitlab")


def cmd_check(args: argparse.Namespace) -> int:
    from generator.site.build import check

    paths = _paths(args)
    project = check(paths, strict=args.strict).model
    print_problems(project.problems.warnings, _format(args), paths.root)
    _status_console(args).print(
        f"[green]Geen fouten gevonden.[/green] {len(project.indicators)} indicatoren, "
        f"{len(project.all_periods)} edities ({len(project.frozen)} bevroren), {len(project.figures)} cijfers gecontroleerd."
        + (f" {len(project.problems.warnings)} waarschuwing(en)." if project.problems.warnings else "")
    )
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from generator.pdf.typst_writer import PdfFailed
    from generator.site.build import build

    paths = _paths(args)
    site_dir = Path(os.path.abspath(args.site_dir)) if args.site_dir else None
    try:
        with _chart_progress() as progress:
            result = build(paths, strict=args.strict, site_dir=site_dir, chart_progress=progress, pdf=args.pdf)
    except PdfFailed as exc:
        _console(stderr=True).print(f"[red]fout[/red]: {_escape(str(exc))}\n    De vorige site is ongewijzigd.")
        return 1
    print_problems(result.warnings, _format(args), paths.root)
    c = result.charts
    charts = f"{c.charts} grafieken ({c.rendered} getekend, {c.cached} uit de cache), " if c.charts else ""
    if result.site_unchanged:
        _status_console(args).print(
            f"[green]Site is al bijgewerkt[/green] in {paths.rel(result.site_dir)}/: niets gewijzigd sinds de "
            f"vorige build ({result.pages} pagina's, {result.editions} edities, {charts}{result.seconds:.1f} s)."
        )
    else:
        kept = f" ({result.pages_reused} ongewijzigd overgenomen)" if result.pages_reused else ""
        _status_console(args).print(
            f"[green]Site gebouwd[/green] in {paths.rel(result.site_dir)}/: {result.pages} pagina's{kept}, "
            f"{result.editions} edities ({result.frozen} bevroren){', elk met een PDF' if args.pdf else ''}, {charts}{result.seconds:.1f} s."
        )
    return 0


def _date_arg(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"`{text}` is geen datum; schrijf bijvoorbeeld 2023-05-15") from None


def _refused(message: str, hint: str | None) -> int:
    err = _console(stderr=True)
    err.print(f"[red]fout[/red]: {_escape(message)}")
    if hint:
        err.print(f"    tip: {_escape(hint)}")
    return 1


def cmd_publish(args: argparse.Namespace) -> int:
    from generator.editions.publish import publish
    from generator.editions.refused import Refused

    paths = _paths(args)
    try:
        result = publish(paths, args.periode, date=args.datum, reason=args.rectificatie, what=args.wat, again=args.opnieuw)
    except Refused as exc:
        return _refused(exc.message, exc.hint)
    out = _console()
    if result.status_set:
        out.print(f"Status in {paths.rel(paths.editions / str(result.period) / 'editie.yml')} op gepubliceerd gezet.")
    text = {
        "publicatie": f"Editie {result.period} is gepubliceerd en bevroren",
        "rectificatie": f"Rectificatie vastgelegd: editie {result.period} versie {result.version}",
        "opnieuw": f"Editie {result.period} versie {result.version} opnieuw bevroren (ontwikkelaarsoptie)",
    }[result.mode]
    out.print(f"[green]{text}[/green]: {result.path}")
    out.print(f"Publicatiedatum: {result.published_text} (de datum in editie.yml, op elke pagina en in de PDF). "
              f"Bevroren op {result.frozen_text}.", markup=False, highlight=False)
    if result.mode != "publicatie" and result.files:
        out.print("Gewijzigde bestanden sinds de vorige versie: " + ", ".join(result.files))
    if result.revised:
        out.print("Let op, deze versie toont ook herziene cijfers: " + "; ".join(result.revised))
    if result.earlier_concepts:
        out.print("Let op: " + ("eerdere editie " if len(result.earlier_concepts) == 1 else "eerdere edities ")
                  + ", ".join(result.earlier_concepts) + " " + ("is" if len(result.earlier_concepts) == 1 else "zijn")
                  + f" nog een concept. Editie {result.period} is vergeleken met de vorige gepubliceerde editie; "
                  "publiceer de concepten of verwijder ze.", markup=False, highlight=False)
    out.print(f"Voeg {paths.rel(paths.editions / str(result.period) / 'editie.yml')} en dit bestand toe aan git "
              "(git add) en maak een commit.")
    return 0


def cmd_new_period(args: argparse.Namespace) -> int:
    from generator.editions.refused import Refused
    from generator.editions.scaffold import new_period

    paths = _paths(args)
    try:
        result = new_period(paths, args.periode, args.van, args.datum)
    except Refused as exc:
        return _refused(exc.message, exc.hint)
    out = _console()
    out.print(
        f"[green]Editie {result.period} aangemaakt[/green] in {paths.rel(result.folder)}/ "
        f"op basis van {result.source}: {len(result.files)} bestanden."
    )
    out.print(
        "De teksten zijn overgenomen en als concept gemarkeerd. Werk ze bij en verwijder dan de regel "
        "`# CONCEPT ...` bovenaan elk bestand; `rapportage check` toont wat nog open staat."
    )
    edition = paths.rel(result.folder)
    for moved in result.moved_data:
        out.print(f"{edition}/{moved.file}:{moved.line}: gegevens verplaatst naar de nieuwe periode: "
                  f"{moved.old} -> {moved.new}", markup=False, highlight=False)
    for stale in result.stale_data:
        out.print(f"{edition}/{stale.file}:{stale.line}: waarschuwing: {stale.old} hoort bij {result.source}; "
                  f"data/{stale.new} bestaat nog niet. Zet dat bestand in data/ en pas deze regel aan, "
                  f"anders toont de tabel de cijfers van {result.source}.", markup=False, highlight=False)
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from generator.cli.init_project import InitRefused, init_project

    # `rapportage --project X init` and `init --project X` mean the same as `init X`
    # (RAPPORTAGE_PROJECT, the option's default, does not name a new folder).
    project = args.project if args.project != os.environ.get("RAPPORTAGE_PROJECT") else None
    if args.map and project and Path(args.map).resolve() != Path(project).resolve():
        return _refused(f"twee verschillende mappen: `{args.map}` en --project `{project}`",
                        "geef de nieuwe projectmap één keer: `rapportage init MAP`")
    target = args.map or project
    if not target:
        return _refused("welke map moet de nieuwe rapportage worden?",
                        "geef de nieuwe projectmap: `rapportage init ../gemeente-rapportage` of `rapportage init .`")
    try:
        result = init_project(Path(target))
    except InitRefused as exc:
        return _refused(exc.message, exc.hint)
    out = _console()
    where = os.path.relpath(result.root)
    where = str(result.root) if where.startswith("..") else where
    out.print(f"[green]Nieuwe rapportage gemaakt[/green] in {_escape(where)}/: {len(result.files)} bestanden, "
              f"met de eerste editie {result.period} (concept).")
    out.print(f"Lees {where}/README.md: daar staat hoe u rapportage installeert, de site bouwt en met "
              "git en pull requests werkt.", markup=False, highlight=False)
    return 0


@contextmanager
def _chart_progress():
    """A progress bar on stderr while charts are drawn; nothing when stderr is not a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("Grafieken tekenen"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=_console(stderr=True), transient=True,
    ) as bar:
        task = bar.add_task("grafieken", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def cmd_pdf(args: argparse.Namespace) -> int:
    from generator.pdf.typst_writer import PdfFailed
    from generator.site.build import EditionNotFound, edition_pdf

    paths = _paths(args)
    destination = Path(args.output).resolve() if args.output else None
    try:
        written = edition_pdf(paths, args.editie, destination)
    except (EditionNotFound, PdfFailed) as exc:
        _console(stderr=True).print(f"[red]fout[/red]: {_escape(str(exc))}")
        return 1
    _console().print(f"[green]PDF gemaakt[/green]: {_escape(paths.rel(written))}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import tempfile

    from generator.site.build import check, render
    from generator.render.renderer import PageMemo
    from generator.site.mkdocs.adapter import serve

    paths = _paths(args)
    out = _console()

    cache = PageMemo()  # unchanged pages are not rendered again

    def regenerate():
        rendered, _ = render(paths, check(paths), cache=cache)
        return rendered

    def on_built(kind: str, seconds: float) -> None:
        what = {"volledig": "hele site", "gedeeltelijk": "gewijzigde pagina's", "ongewijzigd": "niets gewijzigd"}[kind]
        out.print(f"[green]Bijgewerkt[/green] ({what}, {seconds:.1f} s).")

    def on_error(exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            print_problems(exc.problems.items)
            out.print("[red]Niet bijgewerkt[/red]: herstel de fouten hierboven; de vorige versie blijft zichtbaar.")
        else:
            out.print(f"[red]Niet bijgewerkt[/red]: {_escape(str(exc))}")

    site_dir = Path(tempfile.mkdtemp(prefix="rapportage-serve-"))
    out.print(f"Voorbeeld op http://{args.host}:{args.port}/ (stoppen met Ctrl+C)")
    serve(
        paths, regenerate, paths.work / "serve-docs", site_dir, args.host, args.port,
        watch=[paths.content, paths.data, paths.templates, paths.mkdocs_config], on_error=on_error,
        on_built=on_built,
    )
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from generator.checks.json_schema import update_schemas

    paths = _paths(args)
    report = update_schemas(paths.root, check=args.check, modelines=not args.no_modelines)
    if report.refused:  # a symlink or a path outside the project: nothing written there
        from generator.core.problems import Problems

        problems = Problems()
        for rel, reason in report.refused:
            problems.add(rel, None, reason)
        raise ValidationFailed(problems)
    out = _console()
    for rel in report.unknown:
        out.print(f"[yellow]waarschuwing[/yellow]: {rel}: geen schema voor dit soort bestand")
    if args.check:
        for rel in report.schemas:
            out.print(f"{rel}: [red]verouderd[/red]")
        for rel in report.modelines:
            out.print(f"{rel}: [red]eerste regel met het schema ontbreekt of klopt niet[/red]")
        if report.changed:
            out.print("Draai [bold]rapportage schema[/bold] en sla de gewijzigde bestanden op in git.")
            return 1
        out.print("[green]Schema's zijn actueel.[/green]")
        return 0
    out.print(
        f"[green]Schema's bijgewerkt[/green] in schemas/: {len(report.schemas)} geschreven, "
        f"{len(report.modelines)} YAML-bestand(en) kregen een verwijzing naar hun schema."
    )
    return 0


def cmd_check_site(args: argparse.Namespace) -> int:
    from generator.core.problems import Problems
    from generator.checks.site import check_files, check_in_browser

    paths = _paths(args)
    site = Path(args.site_dir).resolve() if args.site_dir else paths.site
    problems = Problems()
    if not (site / "index.html").is_file():
        problems.add(paths.rel(site), None, "hier staat geen gebouwde site", "bouw eerst met: rapportage build")
        raise ValidationFailed(problems)
    pages = check_files(site, problems, paths.root)
    opened = check_in_browser(site, problems, paths.root) if args.browser else 0
    if problems:
        raise ValidationFailed(problems)
    _status_console(args).print(
        f"[green]Site in orde.[/green] {pages} pagina's gecontroleerd"
        + (f", {opened} geopend in de browser." if args.browser else ".")
    )
    return 0


def _examples(*lines: str) -> str:
    return ("Voorbeelden:\n" if len(lines) > 1 else "Voorbeeld:\n") + "\n".join(f"  {line}" for line in lines)


@dataclass(frozen=True)
class Option:
    """One argparse argument: its names and add_argument's keywords."""

    flags: tuple[str, ...]
    settings: dict[str, Any]


def _option(*flags: str, **settings: Any) -> Option:
    return Option(flags, settings)


@dataclass(frozen=True)
class Command:
    """One `rapportage` command; `build_parser` makes the argparse parser from these."""

    name: str
    help: str
    description: str
    examples: tuple[str, ...]
    options: tuple[Option, ...]
    handler: Callable[[argparse.Namespace], int]
    after_errors: str = ""  # said after "N fouten gevonden."


_STRICT = _option("--strict", action="store_true", help="waarschuwingen gelden als fouten")
_FORMAT = _option(
    "--format", choices=FORMATS, default="tekst",
    help="hoe fouten gemeld worden: tekst (standaard), github (meldingen op de gewijzigde regel "
    "in een pull request) of gitlab (Code Quality-rapport in JSON voor een merge request)",
)
_DATE = "JJJJ-MM-DD"
_UNCHANGED = " Er is niets veranderd."

COMMANDS: tuple[Command, ...] = (
    Command(
        "build", "controleer, reken en bouw de site in site/",
        "Controleert alle bestanden, berekent alle cijfers en bouwt de site. "
        "Bij fouten blijft de vorige site/ ongewijzigd.",
        ("rapportage build", "rapportage build --strict", "rapportage build --site-dir publicatie",
         "rapportage build --strict --format github"),
        (
            _STRICT,
            _option("--site-dir", metavar="MAP", help="bouw in deze map in plaats van site/"),
            _option("--pdf", action="store_true", help="maak ook van elke editie een PDF (PDF/A-2 en PDF/UA-1)"),
            _FORMAT,
        ),
        cmd_build,
        after_errors=" Er is niets gebouwd; de vorige site is ongewijzigd.",
    ),
    Command(
        "pdf", "maak de PDF van één editie, voor het raadsinformatiesysteem",
        "Maakt zonder internet en zonder browser de PDF van een hele editie (PDF/A-2 voor het archief, "
        "PDF/UA-1 voor toegankelijkheid): omslag, inhoudsopgave, KPI's per doelstelling, maatregelen, "
        "de vrije pagina's, wat er veranderd is, rectificaties en bronnen.",
        ("rapportage pdf 2023-Q1", "rapportage pdf 2023-Q1 --output raad/kwartaal-1.pdf"),
        (
            _option("editie", metavar="EDITIE", help="de periode van de editie, bijvoorbeeld 2023-Q1"),
            _option("--output", metavar="BESTAND", help="waar de PDF komt (standaard: <editie>-rapportage.pdf in de huidige map)"),
        ),
        cmd_pdf,
    ),
    Command(
        "check", "controleer en reken alles uit, zonder te bouwen",
        "Leest alle bestanden, controleert YAML, CSV en alle verwijzingen en rekent alle cijfers, tabellen "
        "en citaten uit zoals de build dat doet (een totaal dat niet klopt is ook een fout); meldt alle fouten "
        "tegelijk met bestand en regel. Bouwt geen site en tekent geen grafieken.",
        ("rapportage check", "rapportage check --strict", "rapportage check --format github",
         "rapportage check --format gitlab > gl-code-quality-report.json"),
        (_STRICT, _FORMAT),
        cmd_check,
    ),
    Command(
        "serve", "bekijk de site lokaal; wordt bijgewerkt bij elke wijziging",
        "Start een lokale voorbeeldserver die de site opnieuw bouwt zodra u een bestand opslaat.",
        ("rapportage serve", "rapportage serve --port 8001"),
        (
            _option("--host", metavar="ADRES", default="127.0.0.1", help="adres van de server (standaard 127.0.0.1)"),
            _option("--port", metavar="POORT", type=int, default=8000, help="poort van de server (standaard 8000)"),
        ),
        cmd_serve,
    ),
    Command(
        "schema", "schrijf de JSON-schema's voor aanvullen en controleren in de editor",
        "Schrijft voor elk soort YAML-bestand een JSON-schema in schemas/ en zet bovenaan elk "
        "YAML-bestand een verwijzing naar zijn schema. Een editor zoals VS Code (met de extensie "
        "YAML van Red Hat) vult dan sleutels aan, toont uitleg bij elke sleutel en onderstreept "
        "fouten terwijl u typt.",
        ("rapportage schema", "rapportage schema --check", "rapportage schema --no-modelines"),
        (
            _option("--check", action="store_true", help="schrijf niets; meld alleen wat verouderd is (fout als iets verouderd is)"),
            _option("--no-modelines", action="store_true", help="laat de YAML-bestanden ongewijzigd; schrijf alleen de schema's"),
        ),
        cmd_schema,
    ),
    Command(
        "check-site", "controleer de gebouwde site: links, niets van buiten, in de browser",
        "Controleert de gebouwde site zoals het intranet hem toont: elke verwijzing naar een pagina of "
        "bestand bestaat, niets wordt van een andere server geladen en elke pagina is Nederlandstalig. "
        "Met --browser opent Chromium (via Playwright) ook elke pagina en meldt scriptfouten en "
        "verzoeken naar buiten.",
        ("rapportage check-site", "rapportage check-site --browser",
         "rapportage check-site --browser --site-dir publicatie --format github"),
        (
            _option("--site-dir", metavar="MAP", help="controleer de site in deze map in plaats van site/"),
            _option("--browser", action="store_true", help="open ook elke pagina in headless Chromium (vraagt Playwright en Chromium)"),
            _FORMAT,
        ),
        cmd_check_site,
    ),
    Command(
        "publish", "publiceer en bevries een editie, of leg een rectificatie vast",
        "Bevriest een editie: wat de editie toont (teksten en de precieze cijfers) wordt vastgelegd in "
        "content/edities/<periode>/gepubliceerd/versie-1.json, en de status in editie.yml wordt "
        "'gepubliceerd'. Daarna toont de site deze editie altijd zo, ook als cijfers later worden "
        "herzien.\n\n"
        "Verandert daarna een bestand van de editie, dan stopt elke build met een fout. Een correctie "
        "van een gepubliceerde editie is een rectificatie: die komt met datum en reden onder "
        "`rectificaties:` in editie.yml, en de editie wordt opnieuw bevroren als versie 2, 3, enzovoort. "
        "Elke pagina van de editie toont dan 'Gecorrigeerd op <datum>: <reden>'. Eerdere versies blijven "
        "bewaard. Zette u de rectificatie zelf in editie.yml, voer dan deze opdracht zonder opties uit.",
        (
            "rapportage publish 2023-Q3",
            "rapportage publish 2023-Q1 --rectificatie \"Aantal vragenlijsten bij KPI 1 verbeterd\"",
            "rapportage publish 2023-Q1 --rectificatie \"Verkeerd cijfer\" --wat \"KPI 4\" --datum 2023-06-02",
        ),
        (
            _option("periode", help="de editie, bijvoorbeeld 2023-Q1"),
            _option("--rectificatie", metavar="REDEN", help="leg een correctie van een gepubliceerde editie vast, met deze reden"),
            _option("--wat", metavar="TEKST", help="bij --rectificatie: wat is gecorrigeerd (bijvoorbeeld \"KPI 4\")"),
            _option("--datum", metavar=_DATE, type=_date_arg, help="datum van publicatie of rectificatie (standaard vandaag)"),
            _option(
                "--opnieuw", action="store_true",
                help="alleen voor ontwikkelaars: bevries de nieuwste versie opnieuw uit de huidige bestanden "
                     "(na een wijziging van rapportage zelf); geen rectificatie, de datum blijft",
            ),
        ),
        cmd_publish,
        after_errors=_UNCHANGED,
    ),
    Command(
        "new-period", "maak de volgende editie op basis van de vorige",
        "Maakt content/edities/<periode>/ met een kopie van alle bestanden van de vorige editie "
        "(of die van --van). De status wordt 'concept' en elke overgenomen tekst krijgt bovenaan de regel "
        "`# CONCEPT – overgenomen uit editie ...`. Zolang die regel er staat, waarschuwt `rapportage check` "
        "en stopt `rapportage build --strict`. Een bestaande map wordt nooit overschreven.",
        ("rapportage new-period 2023-Q4", "rapportage new-period 2024-H1 --van 2023-Q4 --datum 2024-08-19"),
        (
            _option("periode", help="de nieuwe editie, bijvoorbeeld 2023-Q4, 2024-H1 of 2024"),
            _option("--van", metavar="PERIODE", help="neem deze editie over (standaard de vorige)"),
            _option("--datum", metavar=_DATE, type=_date_arg, help="datum van de nieuwe editie (standaard vandaag)"),
        ),
        cmd_new_period,
        after_errors=_UNCHANGED,
    ),
    Command(
        "init", "maak een nieuwe rapportage (content-repository) voor een gemeente",
        "Maakt in MAP een nieuwe rapportage die meteen bouwt: site.yml en mkdocs.yml, één "
        "doelstelling, één indicator met een jaar aan cijfers (data/indicatoren.csv), één editie "
        "(concept) met voorwoord en toelichting, één maatregel met voortgang, de CI-sjablonen voor "
        "GitHub en GitLab, een README.md voor redacteuren en de schema's met de schemaregel voor "
        "VS Code bovenaan elk YAML-bestand. MAP mag niet bestaan of moet leeg zijn; er wordt nooit "
        "iets overschreven.",
        ("rapportage init ../gemeente-rapportage", "rapportage init .   # in de huidige, lege map"),
        (_option("map", metavar="MAP", nargs="?", default=None,
                 help="de nieuwe projectmap (bestaat niet, of is leeg); of geef hem met --project"),),
        cmd_init,
    ),
)

# The examples of `rapportage --help`, in this order (not the order of COMMANDS).
_OVERVIEW = (
    "rapportage check",
    "rapportage build",
    "rapportage build --pdf",
    "rapportage pdf 2023-Q1",
    "rapportage serve --port 8001",
    "rapportage schema",
    "rapportage check-site --browser",
    "rapportage new-period 2023-Q4",
    "rapportage publish 2023-Q4",
    "rapportage init ../gemeente-rapportage",
    "rapportage build --project ../gemeente-rapportage",
)


def build_parser() -> argparse.ArgumentParser:
    _dutch_argparse()
    parser = argparse.ArgumentParser(
        prog="rapportage",
        description="Rapportages als code: van YAML-teksten en CSV-cijfers naar een rapportagesite.",
        epilog=_examples(*_OVERVIEW)
        + "\n\nHulp bij één opdracht: rapportage OPDRACHT --help, bijvoorbeeld rapportage check --help",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"rapportage {__version__}", help="toon het versienummer en stop")
    # --project before the command (`rapportage --project X check`) or after it
    # (`rapportage check --project X`): the command's own option has no default of its own
    # (SUPPRESS), so it only overrides the one before the command when it is given.
    project_help = "projectmap met content/ en data/ (standaard: de huidige map, of RAPPORTAGE_PROJECT)"
    parser.add_argument("--project", metavar="MAP", default=os.environ.get("RAPPORTAGE_PROJECT"), help=project_help)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--project", metavar="MAP", default=argparse.SUPPRESS, help=project_help)
    sub = parser.add_subparsers(dest="command", metavar="opdracht", title="opdrachten")
    for command in COMMANDS:
        p = sub.add_parser(
            command.name, parents=[common], help=command.help, description=command.description,
            epilog=_examples(*command.examples), formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        for option in command.options:
            p.add_argument(*option.flags, **option.settings)
        p.set_defaults(func=command.handler)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    fmt = _format(args)
    try:
        return args.func(args)
    except ValidationFailed as failed:
        print_problems(failed.problems.items, fmt, _paths(args).root)
        n = len(failed.problems.errors)
        after = next((c.after_errors for c in COMMANDS if c.name == args.command), "")
        _console(stderr=True).print(f"[red]{n} {'fout' if n == 1 else 'fouten'} gevonden.[/red]{after}")
        return 1
    except BrowserMissing as exc:
        _console(stderr=True).print(f"[red]fout[/red]: {_escape(str(exc))}\n    De vorige site is ongewijzigd.")
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        message = _os_problem(exc, args)
        if message is None:
            if os.environ.get("RAPPORTAGE_DEBUG"):
                raise
            return _internal_error(exc)
        _console(stderr=True).print(f"[red]fout[/red]: {_escape(message[0])}\n    tip: {_escape(message[1])}")
        return 1
    except Exception as exc:  # an internal error: say so in Dutch, no traceback for editors
        if os.environ.get("RAPPORTAGE_DEBUG"):
            raise
        return _internal_error(exc)


def _internal_error(exc: BaseException) -> int:
    _console(stderr=True).print(
        f"[red]Interne fout[/red] ({type(exc).__name__}): {_escape(str(exc))}\n"
        "    tip: dit is een fout in rapportage zelf, niet in uw bestanden. Start opnieuw met "
        "RAPPORTAGE_DEBUG=1 voor details en meld het aan de beheerder. De vorige site is ongewijzigd."
    )
    return 1


def _os_problem(exc: OSError, args: argparse.Namespace) -> tuple[str, str] | None:
    """(message, what to do) in Dutch for a cause on the machine an editor or maintainer can
    fix: a full disk, no write permission, a port in use. None: an internal error."""
    where = f" ({exc.filename})" if exc.filename else ""
    unchanged = " De vorige site is ongewijzigd; een onderbroken publish of new-period ruimt de volgende keer zelf op."
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return (f"de schijf is vol{where}", "maak ruimte vrij (bijvoorbeeld .rapportage/cache) en probeer het opnieuw." + unchanged)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"geen toestemming om te schrijven{where}", "controleer de rechten van de map (of kies een andere met --site-dir) en probeer het opnieuw." + unchanged)
    if exc.errno == errno.EADDRINUSE:
        port = getattr(args, "port", None)
        return (f"poort {port} is al in gebruik" if port else "de poort is al in gebruik",
                "stop het andere programma (draait `rapportage serve` al?) of kies een andere poort met --port")
    return None


if __name__ == "__main__":
    sys.exit(main())
