"""``wiretag analyze`` end to end through the command line: output shapes, input order,
coded errors on stderr, the summary line and exit codes.

These tests check the command's behaviour, not the model's: they run a tiny spaCy
pipeline saved by the test (tokenizer + sentencizer + an empty ner) with no extraction
stages, so they are fast and independent of the bundled model's accuracy.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wiretag import pipeline
from wiretag.cli import _register, app
from wiretag.validate import check_document

STORY_A = (
    "PARIS (AFP) - French ministers met on Monday to discuss the budget, officials said.\n"
    "Talks will resume next week.\n"
)
STORY_B = (
    "MOSCOW, Nov 21 (Reuters) - Russia said on Tuesday it would keep its troops in place.\n"
    "Reporting by Jane Doe; Editing by John Roe\n"
    "Our Standards: The Thomson Reuters Trust Principles.\n"
    "Gn En world\n"
)
FRENCH = (
    "La banque centrale a relevé mardi son principal taux directeur, sa cinquième hausse "
    "consécutive, pour tenter de freiner une inflation supérieure à 60 %.\n"
)


@pytest.fixture(autouse=True)
def no_stages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(pipeline, "STAGES", [])
    yield


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


def run(runner: CliRunner, model: str, *args: str, stdin: str | None = None) -> Any:
    today = [] if "--today" in args else ["--today", "2026-11-25"]
    return runner.invoke(app, ["analyze", *args, "--model", model, *today], input=stdin)


def test_cli_analyze_one_story_pretty_json(
    runner: CliRunner, tiny_model: str, tmp_path: Path, wiretag_schema: dict[str, Any]
) -> None:
    path = tmp_path / "b.txt"
    path.write_text(STORY_B, encoding="utf-8")
    result = run(runner, tiny_model, str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("{\n")
    data = json.loads(result.stdout)
    check_document(data, wiretag_schema)
    assert data["dateline"]["place"] == "Moscow"
    assert data["dateline"]["date"] == "2023-11-21" and data["dateline"]["year_inferred"]
    assert data["tags"] == ["Gn", "En", "world"]
    assert [c["name"] for c in data["credits"]] == ["Jane Doe", "John Roe"]
    assert data["input"]["path"] == str(path)
    assert result.stderr == ""


def test_cli_analyze_batch_continues_past_bad_records(
    runner: CliRunner, tiny_model: str, tmp_path: Path, wiretag_schema: dict[str, Any]
) -> None:
    jsonl = tmp_path / "stories.jsonl"
    jsonl.write_text(
        "\n".join([
            json.dumps({"id": "first", "text": STORY_A}),
            "{broken json",
            json.dumps({"id": "third", "headline": "no text"}),
            json.dumps({"id": "fourth", "text": STORY_B}),
        ]) + "\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run(runner, tiny_model, str(jsonl), str(empty), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    docs = [json.loads(line) for line in lines]
    assert [d["input"]["id"] for d in docs] == ["first", "fourth"]
    assert [d["input"]["line"] for d in docs] == [1, 4]
    for d in docs:
        check_document(d, wiretag_schema)
    err = result.stderr.splitlines()
    assert err[0].startswith(f"wiretag: [W107] {jsonl}:2: ")
    assert " — " in err[0]  # the hint follows the message
    assert err[1].startswith(f"wiretag: [W108] {jsonl}:3: ")
    assert err[2].startswith(f"wiretag: [W103] {empty}: ")
    assert err[3].startswith("wiretag: [W101] ")
    assert err[-1] == "wiretag: 2 stories analysed, 4 failed"
    assert "Traceback" not in result.output


def test_cli_analyze_directory_in_order_jsonl(
    runner: CliRunner, tiny_model: str, tmp_path: Path
) -> None:
    (tmp_path / "c.txt").write_text(STORY_A)
    (tmp_path / "a.txt").write_text(STORY_B)
    (tmp_path / "b.txt").write_text(STORY_A)
    result = run(runner, tiny_model, str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 0
    paths = [Path(json.loads(x)["input"]["path"]).name for x in result.stdout.splitlines()]
    assert paths == ["a.txt", "b.txt", "c.txt"]
    assert result.stderr.strip() == "wiretag: 3 stories analysed, 0 failed"


def test_cli_analyze_directory_names_the_files_it_left_out(
    runner: CliRunner, tiny_model: str, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(STORY_A)
    (tmp_path / "notes.dat").write_text(STORY_B)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    result = run(runner, tiny_model, str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1
    note = result.stderr.strip()
    assert note.startswith("wiretag: 2 files in the directories given not read"), note
    assert str(tmp_path / "notes.dat") in note and str(tmp_path / "photo.png") in note
    assert "--include" in note
    # --include reads them: then nothing is left out
    result = run(runner, tiny_model, str(tmp_path), "--format", "jsonl", "--include", "*.dat")
    assert "not read" not in result.stderr
    assert [Path(json.loads(x)["input"]["path"]).name for x in result.stdout.splitlines()] == [
        "notes.dat"]


def test_cli_analyze_jsonl_format_for_one_story(
    runner: CliRunner, tiny_model: str, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(STORY_A)
    result = run(runner, tiny_model, str(tmp_path / "a.txt"), "--format", "jsonl")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1


def test_cli_analyze_stdin(runner: CliRunner, tiny_model: str) -> None:
    result = run(runner, tiny_model, "-", stdin=STORY_A)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["input"]["path"] == "-" and data["dateline"]["agency"] == "AFP"


def test_cli_analyze_non_english_reported_not_mangled(
    runner: CliRunner, tiny_model: str, tmp_path: Path
) -> None:
    (tmp_path / "fr.txt").write_text(FRENCH)
    result = run(runner, tiny_model, str(tmp_path / "fr.txt"))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["language"] == "fr" and data["sentences"] == [] and data["entities"] == []
    assert "[W202]" in result.stderr


def test_cli_analyze_table(runner: CliRunner, tiny_model: str, tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(STORY_B)
    result = run(runner, tiny_model, str(tmp_path / "b.txt"), "--format", "table")
    assert result.exit_code == 0
    out = result.stdout
    assert "place Moscow" in out and "agency Reuters" in out
    assert "2023-11-21 (year inferred)" in out
    assert "editing: John Roe" in out and "tags:       Gn En world" in out
    assert "entities (0):" in out and "quotes (0):" in out and "events (0):" in out


def test_cli_analyze_ninjs(runner: CliRunner, tiny_model: str, tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(STORY_B)
    result = run(runner, tiny_model, str(tmp_path / "b.txt"), "--format", "ninjs")
    assert result.exit_code == 0
    item = json.loads(result.stdout)
    assert item["uri"].startswith("urn:wiretag:")
    assert item["type"] == "text" and item["located"] == "Moscow"
    assert item["by"] == "Reporting by Jane Doe; Editing by John Roe"
    assert item["bodies"][0]["value"].startswith("MOSCOW, Nov 21 (Reuters)")
    assert item["standard"] == {"name": "ninjs", "version": "2.0",
                                "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json"}


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "xml"],
        ["--today", "21/11/2023"],
        ["--input-format", "pdf"],
        ["--max-bytes", "0"],
    ],
)
def test_cli_analyze_usage_errors_exit_2(
    runner: CliRunner, tiny_model: str, tmp_path: Path, args: list[str]
) -> None:
    (tmp_path / "a.txt").write_text(STORY_A)
    result = run(runner, tiny_model, str(tmp_path / "a.txt"), *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_cli_analyze_unknown_model_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY_A)
    result = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "--model",
                                 str(tmp_path / "no-such-model")])
    assert result.exit_code == 2
    assert result.stderr.startswith("wiretag: [W301] ")


def test_cli_analyze_all_inputs_failed_exit_1(
    runner: CliRunner, tiny_model: str, tmp_path: Path
) -> None:
    result = run(runner, tiny_model, str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("wiretag: [W101] ")


def test_cli_analyze_internal_stage_failure_is_w299(
    runner: CliRunner, tiny_model: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "STAGES", [("boom", f"{__name__}:_broken_stage")])
    (tmp_path / "a.txt").write_text(STORY_A)
    (tmp_path / "b.txt").write_text(STORY_B)
    result = run(runner, tiny_model, str(tmp_path))
    assert result.exit_code == 1
    err = result.stderr.splitlines()
    assert err[0].startswith("wiretag: [W299] ") and "stage 'boom'" in err[0]
    assert err[-1] == "wiretag: 0 stories analysed, 2 failed"
    assert "Traceback" not in result.output


def _broken_stage(doc: object, document: object) -> None:
    raise RuntimeError("a bug in a stage")


def test_cli_analyze_over_size_limit(runner: CliRunner, tiny_model: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY_A * 10)
    result = run(runner, tiny_model, str(tmp_path / "a.txt"), "--max-bytes", "100")
    assert result.exit_code == 1
    assert "[W106]" in result.stderr


def test_cli_analyze_help_lists_options(runner: CliRunner) -> None:
    result = runner.invoke(app, ["analyze", "--help"])
    assert result.exit_code == 0
    for option in ("--format", "--model", "--include", "--exclude", "--max-bytes",
                   "--encoding", "--input-format", "--today"):
        assert option in result.stdout


def test_cli_train_help_names_the_teacher_extra(runner: CliRunner) -> None:
    """Rich markup must not eat the "[teacher]" of the install command."""
    result = runner.invoke(app, ["train", "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert 'pip install -e ".[teacher]"' in result.stdout


#: top-level properties of the ninjs 2.0 schema, which allows no others
NINJS_2_PROPERTIES = {
    "uri", "type", "representationtype", "profile", "version", "firstcreated",
    "versioncreated", "contentcreated", "embargoed", "pubstatus", "urgency",
    "copyrightholder", "copyrightnotice", "usageterms", "ednote", "language", "descriptions",
    "bodies", "headlines", "people", "organisations", "places", "subjects", "events",
    "objects", "infosources", "title", "by", "slugline", "located", "renditions",
    "associations", "altids", "trustindicators", "standard", "genres", "rightsinfo",
}


def test_ninjs_mapping_from_hand_built_document() -> None:
    from wiretag.document import (
        Credit,
        Dateline,
        Document,
        Entity,
        Geo,
        InputRef,
        Source,
        Topic,
    )
    from wiretag.ninjs import to_ninjs

    text = "MOSCOW, Nov 21 (Reuters) - Putin met NATO envoys in Moscow."
    document = Document(
        id="abc", text=text, headline="Putin meets envoys", published="2023-11-21",
        input=InputRef(path="x.jsonl", line=2, id="rec-2"), source=Source(agency="Reuters"),
        dateline=Dateline("MOSCOW, Nov 21 (Reuters)", 0, 24, place="Moscow"),
        credits=[Credit("reporting", "A B"), Credit("reporting", "C D"),
                 Credit("editing", "E F")],
        entities=[
            Entity("E1", "PERSON", "Vladimir Putin"),
            Entity("E2", "ORG", "NATO"),
            Entity("E3", "GPE", "Moscow", country="RUS",
                   geo=Geo(geonameid=524901, lat=55.75, lon=37.62)),
            Entity("E4", "NORP", "Russian"),
        ],
        topics=[Topic("iptc-mediatopic", "11000000", "politics", 0.8)],
    )
    item = to_ninjs(document)
    assert set(item) <= NINJS_2_PROPERTIES
    assert item["uri"] == "urn:wiretag:abc"
    assert item["versioncreated"] == "2023-11-21T00:00:00Z"
    assert item["headlines"] == [{"role": "main", "value": "Putin meets envoys"}]
    assert item["bodies"][0]["value"] == text
    assert item["by"] == "Reporting by A B and C D; Editing by E F"
    assert item["located"] == "Moscow"
    assert item["people"] == [{"name": "Vladimir Putin", "rel": "mentioned"}]
    assert item["organisations"] == [{"name": "NATO", "rel": "mentioned"}]
    assert item["places"] == [{"name": "Moscow", "rel": "mentioned",
                               "uri": "https://sws.geonames.org/524901/", "literal": "RUS"}]
    assert {"name": "politics", "rel": "about", "literal": "11000000",
            "uri": "http://cv.iptc.org/newscodes/mediatopic/11000000"} in item["subjects"]
    assert item["altids"] == [{"role": "input", "value": "rec-2"}]
    json.dumps(item)
    # no publication date: no versioncreated rather than an invented one
    document.published = "last Tuesday"
    assert "versioncreated" not in to_ninjs(document)
