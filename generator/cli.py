"""Command line: English commands, Dutch messages. `rapportage --help` lists them."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

from generator import __version__
from generator.problems import Problem, ValidationFailed
from generator.project import ProjectPaths

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
}


def _dutch_argparse() -> None:
    argparse._ = lambda text: _ARGPARSE_DUTCH.get(text, text)  # type: ignore[attr-defined]
    argparse.ngettext = lambda s, p, n: _ARGPARSE_DUTCH.get(s if n == 1 else p, s if n == 1 else p)  # type: ignore[attr-defined]


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def print_problems(problems: list[Problem], stream=None) -> None:
    err = _console(stderr=True)
    for p in sorted(problems, key=lambda p: (p.file, p.line or 0)):
        style = "red" if p.severity == "fout" else "yellow"
        err.print(f"[bold]{p.location()}[/bold]: [{style}]{p.severity}[/{style}]: {_escape(p.message)}")
        if p.hint:
            err.print(f"    tip: {_escape(p.hint)}")


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _paths(args: argparse.Namespace) -> ProjectPaths:
    return ProjectPaths.at(args.project)


def cmd_check(args: argparse.Namespace) -> int:
    from generator.pipeline import check

    project = check(_paths(args), strict=args.strict)
    print_problems(project.problems.warnings)
    out = _console()
    out.print(
        f"[green]Geen fouten gevonden.[/green] {len(project.indicators)} indicatoren, "
        f"{len(project.editions)} edities, {len(project.figures)} cijfers gecontroleerd."
        + (f" {len(project.problems.warnings)} waarschuwing(en)." if project.problems.warnings else "")
    )
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from generator.pipeline import build

    paths = _paths(args)
    site_dir = Path(args.site_dir).resolve() if args.site_dir else None
    result = build(paths, strict=args.strict, site_dir=site_dir)
    print_problems(result.warnings)
    _console().print(
        f"[green]Site gebouwd[/green] in {paths.rel(result.site_dir)}/: {result.pages} pagina's, "
        f"{result.editions} edities, {result.seconds:.1f} s."
    )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import tempfile

    from generator.pipeline import check, render
    from generator.site.mkdocs_adapter import serve

    paths = _paths(args)
    out = _console()

    def regenerate():
        project = check(paths)
        rendered, _ = render(paths, project)
        out.print("[green]Bijgewerkt.[/green]")
        return rendered

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
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    _dutch_argparse()
    parser = argparse.ArgumentParser(
        prog="rapportage",
        description="Rapportages als code: van YAML-teksten en CSV-cijfers naar een rapportagesite.",
        epilog="Voorbeelden:\n  rapportage check\n  rapportage build\n  rapportage serve --port 8001\n  rapportage build --project ../gemeente-rapportage",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"rapportage {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--project", metavar="MAP", default=os.environ.get("RAPPORTAGE_PROJECT"),
        help="projectmap met content/ en data/ (standaard: de huidige map)",
    )
    sub = parser.add_subparsers(dest="command", metavar="opdracht", title="opdrachten")

    p = sub.add_parser(
        "build", parents=[common], help="controleer, reken en bouw de site in site/",
        description="Controleert alle bestanden, berekent alle cijfers en bouwt de site. Bij fouten blijft de vorige site/ ongewijzigd.",
        epilog="Voorbeelden:\n  rapportage build\n  rapportage build --strict",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--strict", action="store_true", help="waarschuwingen gelden als fouten")
    p.add_argument("--site-dir", metavar="MAP", help="bouw in deze map in plaats van site/")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser(
        "check", parents=[common], help="controleer alleen, zonder te bouwen",
        description="Controleert YAML, CSV en alle verwijzingen en meldt alle fouten tegelijk met bestand en regel.",
        epilog="Voorbeeld:\n  rapportage check",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--strict", action="store_true", help="waarschuwingen gelden als fouten")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "serve", parents=[common], help="bekijk de site lokaal; wordt bijgewerkt bij elke wijziging",
        description="Start een lokale voorbeeldserver die de site opnieuw bouwt zodra u een bestand opslaat.",
        epilog="Voorbeeld:\n  rapportage serve --port 8001",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--host", default="127.0.0.1", help="adres (standaard 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="poort (standaard 8000)")
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except ValidationFailed as failed:
        print_problems(failed.problems.items)
        n = len(failed.problems.errors)
        _console(stderr=True).print(
            f"[red]{n} {'fout' if n == 1 else 'fouten'} gevonden.[/red] Er is niets gebouwd; de vorige site is ongewijzigd."
        )
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # an internal error: say so in Dutch, no traceback for editors
        if os.environ.get("RAPPORTAGE_DEBUG"):
            raise
        _console(stderr=True).print(
            f"[red]Interne fout[/red] ({type(exc).__name__}): {_escape(str(exc))}\n"
            "    tip: dit is een fout in rapportage zelf, niet in uw bestanden. Start opnieuw met "
            "RAPPORTAGE_DEBUG=1 voor details en meld het aan de beheerder. De vorige site is ongewijzigd."
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
