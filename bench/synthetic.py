"""A synthetic municipal-scale project for the benchmark (and, tiny, for a test).

The content follows docs/dev/content-model.md: goals, indicators with two series,
one folder per edition with a narrative per indicator, long-format figures. All
editions but the newest are published; the newest is the draft (concept) that
editors work on; `publish_all` freezes the published ones with `rapportage publish`
(their snapshots under content/). Text is generated from Dutch sentence fragments with a fixed
seed, so every run builds the same project.
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

GOALS = [
    ("Preventie en eigen kracht", "We zetten in op preventie en gaan uit van de eigen mogelijkheden van inwoners."),
    ("Normaliseren en afschalen", "Ondersteuning zo gewoon mogelijk, en lichter waar dat kan."),
    ("Tijdig de juiste hulp", "Inwoners krijgen snel passende hulp, dicht bij huis."),
    ("Integrale hulp en continuïteit", "Eén gezin, één plan, één regisseur, ook bij de overgang naar 18+."),
    ("Ruimte voor professionals", "Minder regeldruk, zodat professionals eerder de juiste hulp bieden."),
]

SUBJECTS = [
    "Ervaren eigen regie", "Gebruik e-health", "Doorlooptijd melding", "Tevredenheid cliënten",
    "Kosten per cliënt", "Wachttijd wijkteam", "Uitstroom naar werk", "Terugval na afsluiting",
    "Inzet pleegzorg", "Gebruik algemene voorzieningen", "Bereik jongeren", "Schuldhulp binnen termijn",
    "Beschikkingen op tijd", "Bezwaren gegrond", "Klachten afgehandeld", "Verzuim medewerkers",
]
AREAS = ["Noord", "Zuid", "Centrum", "Oost", "West"]
SERIES = ["Jeugd", "Wmo", "Participatiewet"]
UNITS = [
    ("percentage", "hoger is beter", ">= {t}", lambda r: r.randint(55, 90)),
    ("percentage", "lager is beter", "<= {t}", lambda r: r.randint(10, 40)),
    ("dagen", "lager is beter", "<= {t}", lambda r: r.randint(20, 70)),
    ("euro", "lager is beter", "< {t}", lambda r: r.randint(1500, 4000)),
    ("rapportcijfer", "hoger is beter", ">= {t}", lambda r: 7),
    ("aantal", "hoger is beter", "> {t}", lambda r: r.randint(40, 300)),
]

OPENINGS = [
    "Het cijfer ligt dit kwartaal {richting} de streefwaarde.",
    "In vergelijking met het vorige kwartaal is er weinig veranderd.",
    "De ontwikkeling is in lijn met wat we vorig kwartaal verwachtten.",
    "Dit kwartaal zien we een duidelijke beweging ten opzichte van vorig jaar.",
]
MIDDLES = [
    "Het wijkteam {gebied} heeft de werkwijze aangepast na de evaluatie in het voorjaar.",
    "Een deel van de verandering komt door een grotere instroom van cliënten met een complexe vraag.",
    "Door de krapte op de arbeidsmarkt waren niet alle vacatures in het team {gebied} vervuld.",
    "De registratie is verbeterd, waardoor de cijfers vollediger zijn dan in eerdere kwartalen.",
    "Samen met de aanbieders hebben we afspraken gemaakt over snellere terugkoppeling.",
    "Het aantal metingen is nog klein; we kijken daarom vooral naar de trend over het jaar.",
]
CLOSINGS = [
    "We verwachten dat het effect in de komende kwartalen zichtbaar wordt.",
    "We volgen de ontwikkeling en bespreken haar in het volgende overleg met de teams.",
    "De uitkomst nemen we mee in de evaluatie van het jaarplan.",
]
PILLARS = [
    ("sturing", "Sturing en informatie"),
    ("preventie", "Preventie en samenwerking"),
    ("toegang", "Toegang en werkwijze wijkteam"),
    ("regionaal", "Regionale maatregelen"),
]
MEASURE_TOPICS = [
    "Dashboard zorggebruik", "Afspraken met het inkoopbureau", "Buurtkamers", "Praktijkondersteuner jeugd",
    "Afwegingskader wijkteam", "Kostenbewustzijn medewerkers", "Herindicaties", "Scholen en wijkteam",
    "Regionale tarieven", "Contractmanagement aanbieders",
]
STATUSES = ["groen", "groen", "groen", "oranje", "oranje", "rood", "afgerond"]

ACTIONS = [
    "We bespreken de uitkomsten met de teamleiders van {gebied}.",
    "We maken met twee aanbieders afspraken over een overbruggingsaanbod.",
    "We onderzoeken welke cliënten het langst wachten en waarom.",
    "We passen het werkproces aan zodat meldingen sneller bij de juiste medewerker komen.",
]


@dataclass
class Scale:
    editions: int = 12
    indicators: int = 80
    series: int = 2  # series per indicator (at most len(SERIES))
    measures: int = 40  # used once the project has measures (content/maatregelen.yml)
    history: int = 4  # extra periods of figures before the first edition


@dataclass
class SyntheticProject:
    root: Path
    scale: Scale
    periods: list[str]
    indicator_ids: list[str]
    draft: str  # period of the concept edition
    files: int = 0
    extras: dict[str, int] = field(default_factory=dict)

    def draft_narrative(self, indicator_id: str | None = None) -> Path:
        ind = indicator_id or self.indicator_ids[0]
        return self.root / "content" / "edities" / self.draft / "indicatoren" / f"{ind}.yml"


def quarters(count: int, last: tuple[int, int] = (2023, 4)) -> list[str]:
    year, q = last
    out = []
    for _ in range(count):
        out.append(f"{year}-Q{q}")
        q -= 1
        if q == 0:
            year, q = year - 1, 4
    return list(reversed(out))


def _paragraph(rnd: random.Random, richting: str) -> str:
    gebied = rnd.choice(AREAS)
    parts = [rnd.choice(OPENINGS).format(richting=richting)]
    parts += [m.format(gebied=gebied) for m in rnd.sample(MIDDLES, 2)]
    parts.append(rnd.choice(CLOSINGS))
    return " ".join(parts)


def _wrap(text: str, indent: str = "  ", width: int = 88) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width=width, initial_indent=indent, subsequent_indent=indent))


def _write(path: Path, text: str, counter: list[int]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    counter[0] += 1


def generate(dest: Path, scale: Scale | None = None, seed: int = 2023) -> SyntheticProject:
    """Write a synthetic project into `dest` (replacing what was there)."""
    scale = scale or Scale()
    rnd = random.Random(seed)
    if dest.exists():
        shutil.rmtree(dest)
    content = dest / "content"
    counter = [0]
    periods = quarters(scale.editions)
    figure_periods = quarters(scale.editions + scale.history)

    _write(content / "site.yml", (
        "organisatie: Gemeente Lindewaard\n"
        "titel: Kwartaalrapportage Sociaal Domein\n"
        "ondertitel: Synthetisch project voor de prestatiemeting\n"
        "gegevens:\n  - indicatoren.csv\n"
    ), counter)
    goals_yml = ["doelstellingen:"]
    for n, (title, text) in enumerate(GOALS, start=1):
        goals_yml += [f"  - nummer: {n}", f"    titel: {title}", f"    omschrijving: {text}"]
    _write(content / "doelstellingen.yml", "\n".join(goals_yml) + "\n", counter)

    series_names = SERIES[: max(0, min(scale.series, len(SERIES)))]
    ind_yml = ["indicatoren:"]
    ids: list[str] = []
    csv = ["indicator;reeks;periode;waarde"]
    for i in range(scale.indicators):
        subject = SUBJECTS[i % len(SUBJECTS)]
        area = AREAS[(i // len(SUBJECTS)) % len(AREAS)]
        ind_id = f"kpi-{i + 1:03d}"
        ids.append(ind_id)
        unit, direction, target_fmt, make_target = UNITS[i % len(UNITS)]
        target = make_target(rnd)
        ind_yml += [
            "",
            f"  - id: {ind_id}",
            f"    nummer: {i + 1}",
            f"    titel: {subject} {area}",
            f"    doelstelling: {i % len(GOALS) + 1}",
            f"    eenheid: {unit}",
            f"    richting: {direction}",
            "    streefwaarde:",
            f"      2020: \"{target_fmt.format(t=target)}\"",
        ]
        if series_names:
            ind_yml.append("    reeksen:")
            ind_yml += [f"      - naam: {s}" for s in series_names]
        ind_yml += [
            "    definitie: |",
            _wrap(f"{subject} in het gebied {area}, gemeten per kwartaal. "
                  "De definitie volgt de landelijke handreiking voor het sociaal domein.", "      "),
            f"    bron: Registratiesysteem sociaal domein, team {area}",
        ]
        for s in series_names or [""]:
            value = float(target)
            for p in figure_periods:
                value = max(0.0, value * (1 + rnd.uniform(-0.08, 0.08)))
                shown = "n.v.t." if rnd.random() < 0.02 else (f"{value:.1f}".replace(".", ",") if unit == "rapportcijfer" else f"{round(value)}")
                csv.append(f"{ind_id};{s};{p};{shown}")
    _write(content / "indicatoren.yml", "\n".join(ind_yml) + "\n", counter)
    _write(dest / "data" / "indicatoren.csv", "\n".join(csv) + "\n", counter)

    for e, period in enumerate(periods):
        draft = e == len(periods) - 1
        year, q = period.split("-Q")
        month = int(q) * 3 + 2
        date = f"{int(year) + (month > 12)}-{(month - 1) % 12 + 1:02d}-15"
        folder = content / "edities" / period
        _write(folder / "editie.yml", (
            f"titel: Kwartaalrapportage Q{q} {year}\n"
            f"status: {'concept' if draft else 'gepubliceerd'}\n"
            f"datum: {date}\n"
            "voorwoord: |\n"
            + _wrap(_paragraph(rnd, "rond")) + "\n\n" + _wrap(_paragraph(rnd, "boven")) + "\n"
            "ondertekening: Marieke de Vries, directeur Sociaal Team Lindewaard\n"
        ), counter)
        for ind_id in ids:
            richting = rnd.choice(["boven", "onder", "rond"])
            text = ("toelichting: |\n" + _wrap(_paragraph(rnd, richting)) + "\n\n" + _wrap(_paragraph(rnd, richting)) + "\n"
                    "aandacht: |\n" + _wrap(rnd.choice(ACTIONS).format(gebied=rnd.choice(AREAS))) + "\n")
            _write(folder / "indicatoren" / f"{ind_id}.yml", text, counter)

    if scale.measures:
        _measures(dest, scale, periods, rnd, counter)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    counter[0] += 1
    return SyntheticProject(dest, scale, periods, ids, periods[-1], files=counter[0])


def _measures(dest: Path, scale: Scale, periods: list[str], rnd: random.Random, counter: list[int]) -> None:
    """Pillars and measures (docs/dev/measures.md), progress in every edition, yields."""
    content = dest / "content"
    lines = ["titel: Maatregelen Grip op het sociaal domein", "pijlers:"]
    for n, (pid, title) in enumerate(PILLARS, start=1):
        lines += [f"  - id: {pid}", f"    nummer: {n}", f"    titel: {title}"]
    lines.append("maatregelen:")
    numbers = []
    for i in range(scale.measures):
        p = i % len(PILLARS)
        number = f"{p + 1}.{i // len(PILLARS) + 1}"
        numbers.append(number)
        lines += [
            f"  - nummer: \"{number}\"",
            f"    titel: {MEASURE_TOPICS[i % len(MEASURE_TOPICS)]} {AREAS[i % len(AREAS)]}",
            f"    pijler: {PILLARS[p][0]}",
            "    eigenaar: Beleidsadviseur sociaal domein",
            "    beoogd_resultaat:",
            "      - Minder instroom in maatwerk door eerder passende steun.",
        ]
    _write(content / "maatregelen.yml", "\n".join(lines) + "\n", counter)
    for period in periods:
        folder = content / "edities" / period
        _write(folder / "maatregelen.yml", "inleiding: |\n" + _wrap(_paragraph(rnd, "rond")) + "\n", counter)
        year, q = period.split("-Q")
        for number in numbers:
            status = {k: rnd.choice(STATUSES) for k in ("financieel", "resultaat", "planning")}
            moved = status["planning"] == "oranje"
            _write(folder / "maatregelen" / f"{number}.yml", (
                "status:\n" + "".join(f"  {k}: {v}\n" for k, v in status.items())
                + "voortgang: |\n" + _wrap(_paragraph(rnd, "rond")) + "\n"
                + "planning:\n" + f"  huidig: Q{q} {int(year) + 1}\n"
                + (f"  nieuw: Q{q} {int(year) + 2}\n" if moved else "")
                + "risicos:\n  - " + rnd.choice(MIDDLES).format(gebied=rnd.choice(AREAS)) + "\n"
            ), counter)
    csv = ["pijler;jaar;soort;onderdeel;bedrag"]
    years = sorted({int(p[:4]) for p in periods})
    for pid, _ in PILLARS:
        for y in years:
            csv.append(f"{pid};{y};verwacht;;{rnd.randint(10, 60) * 1000}")
            csv.append(f"{pid};{y};gerealiseerd;;{'-' if rnd.random() < 0.1 else rnd.randint(5, 60) * 1000}")
    _write(dest / "data" / "opbrengsten.csv", "\n".join(csv) + "\n", counter)


def publish_all(project: SyntheticProject) -> None:
    """Freeze every published edition, oldest first, as an organisation does each quarter."""
    from generator.editions.publish import publish
    from generator.core.paths import ProjectPaths

    paths = ProjectPaths.at(project.root)
    for period in project.periods:
        if period != project.draft:
            publish(paths, period)


def edit_narrative(project: SyntheticProject, marker: str) -> Path:
    """One editor's change: a sentence added to one narrative in the draft edition."""
    path = project.draft_narrative()
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition("aandacht: |\n")
    path.write_text(f"{head.rstrip()}\n  Aanvulling {marker}: het cijfer is na controle bevestigd.\n{sep}{rest}", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic rapportage project.")
    parser.add_argument("dest", type=Path)
    parser.add_argument("--editions", type=int, default=Scale.editions)
    parser.add_argument("--indicators", type=int, default=Scale.indicators)
    parser.add_argument("--series", type=int, default=Scale.series)
    parser.add_argument("--measures", type=int, default=Scale.measures)
    parser.add_argument("--no-publish", action="store_true", help="leave the published editions unfrozen")
    args = parser.parse_args()
    project = generate(args.dest, Scale(args.editions, args.indicators, args.series, args.measures))
    if not args.no_publish:
        publish_all(project)
    print(f"{project.files} files in {project.root}")


if __name__ == "__main__":
    main()
