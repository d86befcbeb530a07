"""wiretag ingest / search through the real command line app (Typer's runner)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from wiretag.cli import _register, app


def run(*args: str) -> tuple[int, str, str]:
    _register()
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_ingest_summary_failures_and_rerun(tmp_path: Path, tiny_model: str) -> None:
    data = tmp_path / "in.jsonl"
    lines = [json.dumps({"text": f"OSLO, March {i} (Reuters) - Norway and Iceland met in "
                                 f"round {i} of mackerel talks.", "id": f"r{i}",
                         "published": f"2025-03-{i:02d}"}) for i in range(1, 6)]
    data.write_text("\n".join([*lines[:2], "{broken", *lines[2:]]) + "\n")
    db = tmp_path / "cli.db"
    code, out, err = run("ingest", str(data), "--db", str(db), "--model", tiny_model,
                         "--workers", "1")
    assert code == 1, (out, err)
    assert "ingested 5 stories" in out and "1 failed" in out
    assert "[W107]" in err and ":3:" in err
    report = tmp_path / "cli.failures.jsonl"
    assert json.loads(report.read_text())["line"] == 3

    code, out, _ = run("ingest", str(data), "--db", str(db), "--model", tiny_model,
                       "--workers", "1", "--failures", str(tmp_path / "f.jsonl"))
    assert "ingested 0 stories" in out and "5 already stored" in out

    code, out, _ = run("search", "mackerel round", "--db", str(db), "--format", "jsonl",
                       "--since", "2025-03-03")
    assert code == 0
    items = [json.loads(line) for line in out.splitlines()]
    assert len(items) == 3 and all(i["date"] >= "2025-03-03" for i in items)

    code, out, _ = run("search", "--db", str(db), "--entities")
    assert code == 0 and " entities" in out


def test_cli_search_errors_are_coded(tmp_path: Path) -> None:
    code, _, err = run("search", "x", "--db", str(tmp_path / "missing.db"))
    assert code == 2 and "[W402]" in err
    code, _, err = run("search", "x", "--db", str(tmp_path / "missing.db"), "--quotes",
                       "--events")
    assert code == 2 and "[W505]" in err


def test_cli_ingest_needs_inputs(tmp_path: Path) -> None:
    code, _, err = run("ingest", "--db", str(tmp_path / "x.db"))
    assert code == 2 and "nothing to ingest" in err


def test_cli_cluster_and_hide_duplicates(tmp_path: Path, tiny_model: str) -> None:
    text = ("OSLO, March {d} (Reuters) - Norway accused the Faroe Islands on Monday of fishing "
            "far more mackerel than scientists advise, and said it would bar Faroese boats "
            "from its waters unless the islands cut their quota before the summer.\n\n{end}")
    data = tmp_path / "in.jsonl"
    rows = [{"text": text.format(d=3, end="No comment came from Torshavn."), "id": "a",
             "published": "2025-03-03"},
            {"text": text.format(d=3, end="Torshavn called the charge unfounded."), "id": "b",
             "published": "2025-03-03"}]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    db = tmp_path / "c.db"
    code, out, err = run("ingest", str(data), "--db", str(db), "--model", tiny_model,
                         "--workers", "1")
    assert code == 0, (out, err)
    assert "1 near duplicates of stored stories, stored and flagged" in out
    assert "1 story clusters updated" in out

    code, out, _ = run("search", "--db", str(db), "--format", "jsonl", "--hide-duplicates")
    assert code == 0 and len(out.splitlines()) == 1

    code, out, err = run("cluster", "--db", str(db), "--window-days", "0")
    assert code == 0, err
    assert "2 stories in 1 clusters, 1 with more than one story" in out
    code, _, err = run("cluster", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "[W402]" in err
    code, _, err = run("cluster", "--db", str(db), "--threshold", "0")
    assert code == 2 and "[W505]" in err
