"""Editions: publish (freeze), rectificatie, data revisions, new-period scaffolding."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.compute.changes import planning_changes
from generator.compute.history import kpi_histories
from generator.compute.views import EditionView
from generator.editions.publish import append_rectification, publish
from generator.editions.refused import Refused
from generator.editions.scaffold import new_period
from generator.compute.snapshot import Snapshot
from generator.site.build import load as load_project
from generator.site.build import check, compute, render
from generator.core.problems import ValidationFailed
from generator.core.paths import ProjectPaths


def views_by_period(project_dir: Path) -> dict[str, EditionView]:
    project = load_project(ProjectPaths.at(project_dir))
    return {v.summary.period: v for v in compute(project).editions}


def series(view: EditionView, indicator: str, name: str):
    ind = next(i for g in view.goals for i in g.indicators if i.id == indicator)
    return next(s for s in ind.series if s.name == name)


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


# --- the example ---------------------------------------------------------------------


def test_example_has_two_frozen_editions_and_one_concept(example_project: Path) -> None:
    project = load_project(ProjectPaths.at(example_project))
    assert [str(p) for p in sorted(project.frozen)] == ["2023-Q1", "2023-Q2"]
    assert [str(p) for p in project.editions] == ["2023-Q3"]
    assert not project.problems.items  # no "published but not frozen" warning


# --- publish -------------------------------------------------------------------------


def test_publish_freezes_the_whole_view_and_the_inputs(example_project: Path) -> None:
    paths = ProjectPaths.at(example_project)
    settings = example_project / "content/edities/2023-Q3/editie.yml"
    computed = views_by_period(example_project)["2023-Q3"]

    result = publish(paths, "2023-Q3", date=dt.date(2023, 11, 20))

    assert result.path == "content/edities/2023-Q3/gepubliceerd/versie-1.json"
    assert result.status_set
    assert "status: gepubliceerd\n" in settings.read_text(encoding="utf-8")
    snap = Snapshot.model_validate_json((example_project / result.path).read_bytes())
    assert snap.published_on == "2023-11-20"
    assert snap.version == 1
    # the whole view, generically, with the status as published
    assert snap.view.model_dump(exclude={"summary"}) == computed.model_dump(exclude={"summary"})
    assert snap.view.summary.status == "gepubliceerd"
    folder = example_project / "content/edities/2023-Q3"
    assert sorted(snap.inputs.files) == sorted(
        p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and "gepubliceerd" not in p.parts
    )
    assert "editie.yml" in snap.inputs.files and "indicatoren/eigen-regie.yml" in snap.inputs.files
    assert ["eigen-regie", "Jeugd", "2023-Q3", 83.0] in [list(r) for r in snap.inputs.figures]
    assert ["eigen-regie", "Jeugd", "2022-Q1", 80.0] in [list(r) for r in snap.inputs.figures]

    project = load_project(paths)
    assert sorted(str(p) for p in project.frozen) == ["2023-Q1", "2023-Q2", "2023-Q3"]

    with pytest.raises(Refused) as refused:
        publish(paths, "2023-Q3")
    assert refused.value.message.startswith("editie 2023-Q3 is al gepubliceerd (versie 1, gepubliceerd op 20 november 2023, bevroren op ")


def test_publish_refuses_unknown_edition_and_writes_nothing(example_project: Path, capsys) -> None:
    assert main(["publish", "2024-Q1", "--project", str(example_project)]) == 1
    err = capsys.readouterr().err
    assert "fout: editie 2024-Q1 bestaat niet (content/edities/2024-Q1/editie.yml ontbreekt)" in err
    assert not (example_project / "content/edities/2024-Q1").exists()


def test_failed_publish_puts_editie_yml_back(example_project: Path) -> None:
    paths = ProjectPaths.at(example_project)
    settings = example_project / "content/edities/2023-Q3/editie.yml"
    (example_project / "content/edities/2023-Q3/indicatoren/doelbereik.yml").write_text("toelichting: [\n", encoding="utf-8")
    before = settings.read_bytes()
    with pytest.raises(ValidationFailed):
        publish(paths, "2023-Q3")
    assert settings.read_bytes() == before
    assert not (example_project / "content/edities/2023-Q3/gepubliceerd").exists()


# --- a data revision leaves a frozen edition as it was --------------------------------


def test_data_revision_does_not_change_a_published_edition(example_project: Path) -> None:
    # A definition change revises Q1 and Q2 (as in the annex of report 004).
    csv = example_project / "data/indicatoren.csv"
    replace_in(csv, "eigen-regie;Jeugd;2023-Q1;79", "eigen-regie;Jeugd;2023-Q1;77")
    replace_in(csv, "eigen-regie;Jeugd;2023-Q2;81", "eigen-regie;Jeugd;2023-Q2;79")

    computed = check(ProjectPaths.at(example_project))  # no error
    # Issue 14 point 5: a revision is not an error, but `check` names it (a warning at the CSV row).
    assert not computed.model.problems.errors
    warnings = computed.model.problems.warnings
    assert warnings and all(p.message.startswith("cijfer van gepubliceerde editie") for p in warnings)
    views = {v.summary.period: v for v in computed.editions}

    q1 = series(views["2023-Q1"], "eigen-regie", "Jeugd")
    assert (q1.value, q1.value_text, q1.status) == (79.0, "79%", "oranje")
    q2 = series(views["2023-Q2"], "eigen-regie", "Jeugd")
    assert (q2.value, q2.value_text) == (81.0, "81%")
    # the draft edition uses the revised figures ...
    q3_history = {r.period: r.value_text for r in series(views["2023-Q3"], "eigen-regie", "Jeugd").history}
    assert q3_history["2023-Q1"] == "77%" and q3_history["2023-Q2"] == "79%"
    # ... and says so on its "what changed" page
    revised = [(r.indicator_id, r.series, r.period_label, r.published_text, r.current_text)
               for r in views["2023-Q3"].changes.revised]
    assert revised == [
        ("eigen-regie", "Jeugd", "Q1 2023", "79%", "77%"),
        ("eigen-regie", "Jeugd", "Q2 2023", "81%", "79%"),
    ]
    history = next(h for h in kpi_histories(list(views.values())) if h.id == "eigen-regie")
    q1_row = next(r for r in history.rows if r.edition.period == "2023-Q1")
    assert (q1_row.cells[0].value_text, q1_row.cells[0].revised_text) == ("79%", "77%")
    assert q1_row.cells[0].revised_in_concept == "Q3 2023"  # a draft figure, and marked as one

    # the rendered pages of the frozen edition still show what was published
    rendered, _ = render(ProjectPaths.at(example_project), computed)
    page = next(p for p in rendered.pages if p.url == "2023-q1/kpi/eigen-regie/")
    assert '<p class="rp-series__value">79%</p>' in page.content()


# --- a changed frozen input fails the build -------------------------------------------


def test_changed_frozen_narrative_fails_the_build(example_project: Path, capsys) -> None:
    narrative = example_project / "content/edities/2023-Q1/indicatoren/eigen-regie.yml"
    replace_in(narrative, "24 bij Jeugd", "25 bij Jeugd")
    changed_line = line_of(narrative, "25 bij Jeugd")
    (example_project / "content/edities/2023-Q2/indicatoren/doelbereik.yml").unlink()

    assert main(["build", "--project", str(example_project)]) == 1
    err = capsys.readouterr().err
    assert (
        f"content/edities/2023-Q1/indicatoren/eigen-regie.yml:{changed_line}: fout: editie 2023-Q1 is "
        "gepubliceerd (versie 1, gepubliceerd op 15 mei 2023) en dit bestand is daarna gewijzigd"
    ) in err
    assert "rapportage publish 2023-Q1 --rectificatie" in err
    assert (
        "content/edities/2023-Q2/indicatoren/doelbereik.yml: fout: editie 2023-Q2 is gepubliceerd "
        "(versie 1, gepubliceerd op 21 augustus 2023) en dit bestand is daarna verwijderd"
    ) in err
    assert "2 fouten gevonden." in err
    assert not (example_project / "site").exists()


def test_added_file_in_frozen_edition_fails_check(example_project: Path) -> None:
    (example_project / "content/edities/2023-Q1/notitie.yml").write_text("x: 1\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as failed:
        check(ProjectPaths.at(example_project))
    messages = [(p.file, p.line, p.message) for p in failed.value.problems.errors]
    assert ("content/edities/2023-Q1/notitie.yml", 1,
            "editie 2023-Q1 is gepubliceerd (versie 1, gepubliceerd op 15 mei 2023) en dit bestand is daarna toegevoegd") in messages


# --- rectificatie ---------------------------------------------------------------------


def test_rectificatie_records_a_new_version_and_shows_the_correction(example_project: Path, capsys) -> None:
    folder = example_project / "content/edities/2023-Q1"
    v1 = (folder / "gepubliceerd/versie-1.json").read_bytes()
    replace_in(folder / "indicatoren/eigen-regie.yml", "24 bij Jeugd", "25 bij Jeugd")

    assert main([
        "publish", "2023-Q1", "--project", str(example_project),
        "--rectificatie", "Aantal vragenlijsten bij Jeugd verbeterd: 25, niet 24.",
        "--wat", "KPI 1", "--datum", "2023-06-02",
    ]) == 0
    out = capsys.readouterr().out
    assert "Rectificatie vastgelegd: editie 2023-Q1 versie 2: content/edities/2023-Q1/gepubliceerd/versie-2.json" in out
    assert "indicatoren/eigen-regie.yml" in out

    assert (folder / "gepubliceerd/versie-1.json").read_bytes() == v1  # the old version stays
    assert folder.joinpath("editie.yml").read_text(encoding="utf-8").endswith(
        'rectificaties:\n  - datum: 2023-06-02\n    reden: "Aantal vragenlijsten bij Jeugd verbeterd: 25, niet 24."\n'
        '    wat: "KPI 1"\n'
    )
    snap = Snapshot.model_validate_json((folder / "gepubliceerd/versie-2.json").read_bytes())
    assert (snap.version, snap.published_on) == (2, "2023-05-15")
    assert snap.rectification.reason == "Aantal vragenlijsten bij Jeugd verbeterd: 25, niet 24."

    computed = check(ProjectPaths.at(example_project))
    assert "2023-Q1" in {str(p) for p in computed.model.frozen}
    rendered, _ = render(ProjectPaths.at(example_project), computed)
    page = next(p for p in rendered.pages if p.url == "2023-q1/kpi/eigen-regie/")
    assert "25 bij Jeugd" in page.content()
    assert ('<strong>Gecorrigeerd op <time datetime="2023-06-02">2 juni 2023</time></strong>: '
            "Aantal vragenlijsten bij Jeugd verbeterd: 25, niet 24. (KPI 1)") in page.content()


def test_rectificatie_written_by_hand_needs_publish(example_project: Path) -> None:
    settings = example_project / "content/edities/2023-Q2/editie.yml"
    with settings.open("a", encoding="utf-8") as f:
        f.write("rectificaties:\n  - datum: 2023-09-01\n    reden: Verkeerde ondertekening.\n")
    entry_line = line_of(settings, "- datum: 2023-09-01")
    with pytest.raises(ValidationFailed) as failed:
        check(ProjectPaths.at(example_project))
    [problem] = failed.value.problems.errors
    assert (problem.file, problem.line) == ("content/edities/2023-Q2/editie.yml", entry_line)
    assert problem.message == ("editie 2023-Q2 is gepubliceerd (versie 1, gepubliceerd op 21 augustus 2023); er is een rectificatie "
                               "toegevoegd, maar de editie is nog niet opnieuw gepubliceerd")
    assert problem.hint == "voer `rapportage publish 2023-Q2` uit om de correctie vast te leggen"

    result = publish(ProjectPaths.at(example_project), "2023-Q2")
    assert (result.mode, result.version) == ("rectificatie", 2)
    view = views_by_period(example_project)["2023-Q2"]
    assert [(c.date_text, c.reason) for c in view.summary.corrections] == [("1 september 2023", "Verkeerde ondertekening.")]


def test_rectificatie_needs_a_published_edition(example_project: Path) -> None:
    with pytest.raises(Refused) as refused:
        publish(ProjectPaths.at(example_project), "2023-Q3", reason="x")
    assert refused.value.message == "editie 2023-Q3 is nog niet gepubliceerd"


def test_append_rectification_keeps_the_editors_text() -> None:
    day = dt.date(2023, 6, 2)
    assert append_rectification("status: gepubliceerd\n# slot\n", day, "Typo") == (
        'status: gepubliceerd\n# slot\n\nrectificaties:\n  - datum: 2023-06-02\n    reden: "Typo"\n'
    )
    existing = "titel: X\nrectificaties:\n- datum: 2023-06-01\n  reden: Eerste\n\nondertekening: Y\n"
    assert append_rectification(existing, day, "Tweede", "KPI 2") == (
        'titel: X\nrectificaties:\n- datum: 2023-06-01\n  reden: Eerste\n- datum: 2023-06-02\n  reden: "Tweede"\n'
        '  wat: "KPI 2"\n\nondertekening: Y\n'
    )
    assert append_rectification("rectificaties: []\n", day, 'Met "aanhalingstekens"') == (
        'rectificaties:\n  - datum: 2023-06-02\n    reden: "Met \\"aanhalingstekens\\""\n'
    )


# --- re-publishing for developers -----------------------------------------------------


def test_opnieuw_refreezes_after_a_view_model_change(example_project: Path, capsys) -> None:
    snap_file = example_project / "content/edities/2023-Q2/gepubliceerd/versie-1.json"
    data = json.loads(snap_file.read_text(encoding="utf-8"))
    del data["view"]["goals"]  # as if the view model gained a required part
    snap_file.write_text(json.dumps(data), encoding="utf-8")

    assert main(["check", "--project", str(example_project)]) == 1
    err = capsys.readouterr().err
    assert "content/edities/2023-Q2/gepubliceerd/versie-1.json: fout: bevroren editie past niet bij deze versie van rapportage (view.goals: Field required)" in err
    assert "rapportage publish <periode> --opnieuw" in err

    result = publish(ProjectPaths.at(example_project), "2023-Q2", again=True)
    assert (result.mode, result.version) == ("opnieuw", 1)
    snap = Snapshot.model_validate_json(snap_file.read_bytes())
    assert snap.published_on == "2023-08-21"
    assert check(ProjectPaths.at(example_project)).model.frozen


def test_opnieuw_refuses_to_take_in_revised_figures(example_project: Path) -> None:
    replace_in(example_project / "data/indicatoren.csv", "eigen-regie;Jeugd;2023-Q1;79", "eigen-regie;Jeugd;2023-Q1;77")
    with pytest.raises(Refused) as refused:
        publish(ProjectPaths.at(example_project), "2023-Q1", again=True)
    assert refused.value.message == (
        "--opnieuw zou de cijfers van gepubliceerde editie 2023-Q1 veranderen: eigen-regie Jeugd 2023-Q1: 79 -> 77"
    )


# --- new-period -------------------------------------------------------------------------


def test_new_period_copies_narrative_as_concept(example_project: Path, capsys) -> None:
    paths = ProjectPaths.at(example_project)
    result = new_period(paths, "2023-Q4", date=dt.date(2024, 2, 12))
    assert str(result.source) == "2023-Q3"
    folder = example_project / "content/edities/2023-Q4"
    settings = (folder / "editie.yml").read_text(encoding="utf-8")
    marker = "# CONCEPT – overgenomen uit editie 2023-Q3. Werk de tekst bij voor 2023-Q4 en verwijder daarna deze regel.\n"
    modeline = "# yaml-language-server: $schema=../../../schemas/editie.schema.json\n"
    # the schema modeline stays the first line; the marker comes right below it
    assert settings.startswith(modeline + marker + "titel: Kwartaalrapportage Q4 2023\nstatus: concept\ndatum: 2024-02-12\n")
    source_text = (example_project / "content/edities/2023-Q3/indicatoren/doelbereik.yml").read_text(encoding="utf-8")
    first, rest = source_text.split("\n", 1)
    assert first.startswith("# yaml-language-server:")
    assert (folder / "indicatoren/doelbereik.yml").read_text(encoding="utf-8") == first + "\n" + marker + rest

    copied = [p for p in (example_project / "content/edities/2023-Q3").rglob("*") if p.suffix in (".yml", ".md")]
    project = check(paths).model
    warnings = [(p.file, p.line, p.message) for p in project.problems.warnings]
    # the new quarter has no figures yet: each of the 12 quarterly indicators is reported once (data trap)
    missing = [w for w in warnings if "geen enkele regel voor 2023-Q4" in w[2]]
    assert len(missing) == 12
    marked = [w for w in warnings if w not in missing]
    assert len(marked) == len(copied) >= 12
    assert ("content/edities/2023-Q4/indicatoren/doelbereik.yml", 2,
            "tekst overgenomen uit editie 2023-Q3 en nog niet bijgewerkt") in warnings

    assert main(["build", "--strict", "--project", str(example_project)]) == 1
    assert f"{len(warnings)} fouten gevonden." in capsys.readouterr().err
    with pytest.raises(Refused):
        publish(paths, "2023-Q4")

    # an updated file loses its marker, and with it the warning
    (folder / "indicatoren/doelbereik.yml").write_text("toelichting: Bijgewerkt voor Q4.\n", encoding="utf-8")
    assert len(check(paths).model.problems.warnings) == len(warnings) - 1

    with pytest.raises(Refused) as refused:
        new_period(paths, "2023-Q4")
    assert refused.value.message == "editie 2023-Q4 bestaat al (content/edities/2023-Q4)"


def test_new_period_leaves_snapshots_and_rectificaties_behind(example_project: Path) -> None:
    paths = ProjectPaths.at(example_project)
    publish(paths, "2023-Q2", reason="Ondertekening verbeterd.", date=dt.date(2023, 9, 1))
    new_period(paths, "2024-Q1", source_text="2023-Q2", date=dt.date(2024, 5, 1))
    folder = example_project / "content/edities/2024-Q1"
    assert not (folder / "gepubliceerd").exists()
    settings = (folder / "editie.yml").read_text(encoding="utf-8")
    assert "rectificaties" not in settings
    assert "titel: Kwartaalrapportage Q1 2024\n" in settings


# --- what changed ---------------------------------------------------------------------


def test_changes_of_the_example_draft_edition(example_project: Path) -> None:
    changes = views_by_period(example_project)["2023-Q3"].changes
    assert changes.previous.period == "2023-Q2"
    crossed = [(c.number, c.series, c.crossing, c.previous_value_text, c.value_text) for c in changes.crossed]
    assert crossed == [
        ("3", "", "gehaald", "41%", "39%"),
        ("4", "Wmo", "niet-meer-gehaald", "80%", "78%"),
        ("7", "Wijkteam", "niet-meer-gehaald", "7,6", "7,4"),
        ("8", "Ingekochte zorg", "gehaald", "12,4 maanden", "11,9 maanden"),
        ("9", "Doelbereik", "gehaald", "79%", "82%"),
    ]
    wait = next(c for c in changes.status_changes if c.series == "Wijkteam Jeugd")
    assert (wait.previous_status, wait.status, wait.crossing) == ("rood", "oranje", None)
    assert len(changes.status_changes) == 9
    assert changes.revised == []
    assert views_by_period(example_project)["2023-Q1"].changes.previous is None


def test_measures_whose_planning_moved() -> None:
    class WithMeasures(EditionView):
        measures: list[dict]

    base = json.loads(Path(__file__).parent.joinpath("..", "..", "content", "edities", "2023-Q1", "gepubliceerd",
                                                     "versie-1.json").resolve().read_text(encoding="utf-8"))["view"]

    def view(measures):
        return WithMeasures.model_validate({**base, "measures": measures})

    before = view([{"pillar": "A", "items": [
        {"number": "1.1", "title": "Wijkteam versterken", "planning": {"current": "Q4 2023", "new": None}},
        {"number": "1.2", "title": "Pgb-loket", "planning": "Q2 2024"},
        {"number": "1.3", "title": "Blijft", "planning": {"current": "2024", "new": None}},
    ]}])
    after = view([{"pillar": "A", "items": [
        {"number": "1.1", "title": "Wijkteam versterken", "planning": {"current": "Q4 2023", "new": "Q2 2024"}},
        {"number": "1.2", "title": "Pgb-loket", "planning": "Q3 2024"},
        {"number": "1.3", "title": "Blijft", "planning": {"current": "2024", "new": None}},
        {"number": "2.1", "title": "Nieuw", "planning": {"current": "2024", "new": "2025"}},
    ]}])
    moved = [(m.number, m.previous, m.current) for m in planning_changes(before, after)]
    assert moved == [("1.1", "Q4 2023", "Q2 2024"), ("1.2", "Q2 2024", "Q3 2024"), ("2.1", "2024", "2025")]


def test_new_period_marks_free_pages_and_tables_and_moves_data_paths(example_project: Path, capsys) -> None:
    """Issue 14 point 1: every copied file is marked; data paths follow the period where they can."""
    paths = ProjectPaths.at(example_project)
    (example_project / "data/2023-Q4").mkdir()
    (example_project / "data/2023-Q4/klachten.csv").write_bytes((example_project / "data/2023-Q3/klachten.csv").read_bytes())
    # a free page without front matter gets the marker in a front matter of its own
    (example_project / "content/edities/2023-Q3/paginas/zonder-kop.md").write_text("# Zonder kop\n\nTekst.\n", encoding="utf-8")
    assert main(["new-period", "2023-Q4", "--project", str(example_project)]) == 0
    out = capsys.readouterr().out
    folder = example_project / "content/edities/2023-Q4"
    copied = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    warned = sorted(p.file.removeprefix("content/edities/2023-Q4/") for p in check(paths).model.problems.warnings
                    if p.message == "tekst overgenomen uit editie 2023-Q3 en nog niet bijgewerkt")
    assert warned == copied
    assert "paginas/klachten-en-bezwaren.md" in warned and "tabellen.yml" in warned

    tables = (folder / "tabellen.yml").read_text(encoding="utf-8")
    assert "bestand: 2023-Q4/klachten.csv" in tables and "2023-Q3/klachten.csv" not in tables
    assert "bestand: 2023-Q3/zorgkosten.csv" in tables  # no Q4 file yet: left alone, and reported
    zorg = line_of(folder / "tabellen.yml", "bestand: 2023-Q3/zorgkosten.csv")
    assert (f"content/edities/2023-Q4/tabellen.yml:{zorg}: waarschuwing: 2023-Q3/zorgkosten.csv hoort bij 2023-Q3; "
            "data/2023-Q4/zorgkosten.csv bestaat nog niet") in out
    moved = line_of(folder / "tabellen.yml", "bestand: 2023-Q4/klachten.csv")
    assert f"tabellen.yml:{moved}: gegevens verplaatst naar de nieuwe periode: 2023-Q3/klachten.csv -> 2023-Q4/klachten.csv" in out

    # publish refuses while a free page still has the marker
    with pytest.raises(Refused) as refused:
        publish(paths, "2023-Q4")
    assert "content/edities/2023-Q4/paginas/klachten-en-bezwaren.md" in refused.value.message
    for rel in copied:
        path = folder / rel
        path.write_text("".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                                if not line.startswith("# CONCEPT")), encoding="utf-8")
    assert not [p for p in check(paths).model.problems.warnings if "overgenomen" in p.message]
    page = (folder / "paginas/zonder-kop.md").read_text(encoding="utf-8")
    assert page == "---\n---\n# Zonder kop\n\nTekst.\n"  # an empty front matter is fine
    assert oct((folder).stat().st_mode & 0o777) == "0o755"


def test_a_new_measure_never_needs_a_frozen_edition_edited(example_project: Path, capsys) -> None:
    """Issue 14 point 2: the guide's measure 3.1.4; no warning is fixable only in a frozen edition."""
    definitions = example_project / "content/maatregelen.yml"
    text = definitions.read_text(encoding="utf-8")
    new = ('  - nummer: "3.1.4"\n    titel: Kostenbewustzijn in het keukentafelgesprek\n    pijler: toegang\n'
           '    beoogd_resultaat:\n      - Medewerkers bespreken de kosten van een voorziening met de inwoner.\n')
    definitions.write_text(text.rstrip("\n") + "\n" + new, encoding="utf-8")
    paths = ProjectPaths.at(example_project)
    warnings = [(p.file, p.message) for p in check(paths).model.problems.warnings]
    # only the concept edition, where the editor can add the file, asks for it
    assert warnings == [("content/edities/2023-Q3/maatregelen", "geen voortgang voor maatregel(en) 3.1.4 in 2023-Q3")]

    definitions.write_text(text.rstrip("\n") + "\n" + new + '    vanaf: 2023-Q4\n', encoding="utf-8")
    assert check(paths).model.problems.warnings == []
    assert main(["build", "--strict", "--project", str(example_project), "--site-dir", str(example_project / "site")]) == 0
    capsys.readouterr()
    q3 = views_by_period(example_project)["2023-Q3"].measures
    assert "3.1.4" not in [m.number for p in q3.pillars for m in p.measures]
    new_period(paths, "2023-Q4", date=dt.date(2024, 2, 12))
    q4 = views_by_period(example_project)["2023-Q4"].measures
    assert "3.1.4" in [m.number for p in q4.pillars for m in p.measures]
    assert [p.message for p in check(paths).model.problems.warnings
            if "voortgang" in p.message] == ["geen voortgang voor maatregel(en) 3.1.4 in 2023-Q4"]


def test_an_indicator_from_a_later_edition_is_not_shown_before(example_project: Path) -> None:
    indicators = example_project / "content/indicatoren.yml"
    replace_in(indicators, "  - id: doelbereik\n", "  - id: doelbereik\n    vanaf: 2023-Q4\n")
    views = views_by_period(example_project)
    assert "doelbereik" not in [i.id for g in views["2023-Q3"].goals for i in g.indicators]
    assert "doelbereik" in [i.id for g in views["2023-Q2"].goals for i in g.indicators]  # frozen: as published
    replace_in(indicators, "vanaf: 2023-Q4", "vanaf: 2023-Q5")
    problems = check_problems(example_project)
    assert any("2023-Q5" in p.message and p.file == "content/indicatoren.yml" and p.line for p in problems)


def check_problems(project_dir: Path):
    with pytest.raises(ValidationFailed) as failed:
        check(ProjectPaths.at(project_dir))
    return list(failed.value.problems.errors)


def _unmark(folder: Path) -> None:
    """What an editor does after updating every copied file: drop the CONCEPT line."""
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in (".yml", ".md"):
            text = path.read_text(encoding="utf-8")
            path.write_text("".join(l for l in text.splitlines(keepends=True) if not l.startswith("# CONCEPT")), encoding="utf-8")


def test_a_concept_is_never_treated_as_published(example_project: Path, capsys) -> None:
    """Issue 14 point 4: Q3 stays a concept while Q4 is published."""
    paths = ProjectPaths.at(example_project)
    new_period(paths, "2023-Q4", date=dt.date(2024, 2, 12))
    _unmark(example_project / "content/edities/2023-Q4")
    assert main(["publish", "2023-Q4", "--project", str(example_project)]) == 0
    out = capsys.readouterr().out
    assert ("Let op: eerdere editie 2023-Q3 is nog een concept. Editie 2023-Q4 is vergeleken met de vorige "
            "gepubliceerde editie") in " ".join(out.split())

    computed = check(paths)
    views = {v.summary.period: v for v in computed.editions}
    assert views["2023-Q4"].changes.previous.period == "2023-Q2"  # not the concept Q3
    assert views["2023-Q3"].changes.previous.period == "2023-Q2"

    rendered, _ = render(paths, computed)
    home = next(p for p in rendered.pages if p.url == "")
    order = [a.split('"')[0] for a in home.content().split('<tr><th scope="row"><a href="')[1:]]
    assert order == ["2023-q4/", "2023-q2/", "2023-q1/", "2023-q3/"]
    assert [item.title for item in rendered.nav if item.children][:4] == ["Q4 2023", "Q2 2023", "Q1 2023", "Q3 2023"]

    # site.yml `concepten: false`: the built site leaves the concept out; serve (render) keeps it
    site = example_project / "content/site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "concepten: false\n", encoding="utf-8")
    assert main(["build", "--project", str(example_project), "--site-dir", str(example_project / "site")]) == 0
    assert not (example_project / "site/2023-q3").exists() and (example_project / "site/2023-q4/index.html").is_file()
    assert "2023-q3/" not in (example_project / "site/index.html").read_text(encoding="utf-8")
    rendered, _ = render(paths, check(paths))
    assert any(p.url == "2023-q3/" for p in rendered.pages)


def test_one_publication_date_and_the_freeze_moment_apart(example_project: Path, capsys) -> None:
    """Issue 14 point 6, and snapshots with ordinary permissions."""
    paths = ProjectPaths.at(example_project)
    settings = example_project / "content/edities/2023-Q3/editie.yml"
    assert main(["publish", "2023-Q3", "--datum", "2023-11-20", "--project", str(example_project)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Publicatiedatum: 20 november 2023" in out and "Bevroren op " in out
    assert "datum: 2023-11-20\n" in settings.read_text(encoding="utf-8")
    path = example_project / "content/edities/2023-Q3/gepubliceerd/versie-1.json"
    snap = Snapshot.model_validate_json(path.read_bytes())
    assert snap.published_on == snap.view.summary.date == "2023-11-20"
    assert snap.frozen_at and dt.datetime.fromisoformat(snap.frozen_at).tzinfo is not None
    umask = __import__("os").umask(0)
    __import__("os").umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
    with pytest.raises(Refused) as refused:
        publish(paths, "2023-Q3")
    assert refused.value.message.startswith(
        "editie 2023-Q3 is al gepubliceerd (versie 1, gepubliceerd op 20 november 2023, bevroren op ")
    # a snapshot of an earlier release has no freeze moment, and still loads
    q2 = Snapshot.model_validate_json((example_project / "content/edities/2023-Q2/gepubliceerd/versie-1.json").read_bytes())
    assert q2.frozen_at is None
