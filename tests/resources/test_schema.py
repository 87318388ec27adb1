"""Resource files are checked against schema.toml when loaded: every bad key named with its file and line."""

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from kg.errors import RuleError
from kg.resources import RESOURCE_DIR, load_toml
from kg.resources.schema import check, schema

SHIPPED = sorted(p.name for p in RESOURCE_DIR.glob("*.toml") if p.name != "schema.toml")


def line_of(text: str, pattern: str) -> int:
    return next(k for k, line in enumerate(text.splitlines(), 1) if re.match(pattern, line))


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_file_has_a_schema_and_fits_it(name):
    assert name in schema(), f"{name} has no entry in schema.toml (run scripts/make_schema.py)"
    text = (RESOURCE_DIR / name).read_text(encoding="utf-8")
    assert check(name, tomllib.loads(text), text) == []


def test_a_renamed_key_is_missing_at_its_table_and_unknown_at_its_line():
    text = (RESOURCE_DIR / "quantities.toml").read_text(encoding="utf-8")
    broken = re.sub(r"(?m)^target_cues\s*=", "target_cue =", text, count=1)
    assert broken != text
    problems = check("quantities.toml", tomllib.loads(broken), broken)
    table, renamed = line_of(text, r"\[context\]"), line_of(broken, "target_cue =")
    assert problems == [
        f"quantities.toml:{table}: missing key 'context.target_cues' (list[str])",
        f"quantities.toml:{renamed}: unknown key 'context.target_cue' "
        "(did you mean 'target_cues'?)",
    ]


def test_wrong_types_are_reported_all_at_once_with_their_lines():
    text = (RESOURCE_DIR / "numbers.toml").read_text(encoding="utf-8")
    broken = re.sub(r"(?m)^(reach\s*=\s*)(\d+)", r'\1"\2"', text, count=1)  # [ratio] reach, a number
    broken = re.sub(r"(?m)^(chinese\s*=\s*)(.*)$", r"\1[\2]", broken, count=1)  # a list where text belongs
    problems = check("numbers.toml", tomllib.loads(broken), broken)
    reach, chinese = line_of(broken, r"reach\s*="), line_of(broken, r"chinese\s*=")
    assert f"numbers.toml:{reach}: ratio.reach should be int, not text" in problems
    assert f"numbers.toml:{chinese}: numerals.chinese should be str, not a list" in problems
    assert len(problems) == 2


def test_an_item_of_a_list_of_tables_is_checked_and_named_by_its_index():
    text = (RESOURCE_DIR / "quantities.toml").read_text(encoding="utf-8")
    first = line_of(text, r"\[\[cue\]\]")
    broken = text.replace('role = "', 'rol = "', 1)
    problems = check("quantities.toml", tomllib.loads(broken), broken)
    assert problems[0] == f"quantities.toml:{first}: missing key 'cue[0].role' (str)"
    assert problems[1].startswith("quantities.toml:") and "unknown key 'cue[0].rol' (did you mean 'role'?)" in problems[1]


def test_a_free_table_of_words_takes_new_keys_but_checks_their_values():
    text = (RESOURCE_DIR / "time.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    data["relative_years"]["后年"] = 2
    assert check("time.toml", data, text) == []
    data["relative_years"]["大后年"] = "three"
    table = line_of(text, r"\[relative_years\]")
    assert check("time.toml", data, text) == [f"time.toml:{table}: relative_years.大后年 should be int, not text"]


def test_load_toml_raises_one_rule_error_naming_the_file(tmp_path, monkeypatch):
    text = (RESOURCE_DIR / "persons.toml").read_text(encoding="utf-8")
    (tmp_path / "persons.toml").write_text(re.sub(r"(?m)^titles\s*=", "title =", text), encoding="utf-8")
    monkeypatch.setenv("POLICYKG_RESOURCES", str(tmp_path))
    load_toml.cache_clear()
    try:
        with pytest.raises(RuleError) as caught:
            load_toml("persons.toml")
    finally:
        load_toml.cache_clear()
    message = str(caught.value)
    assert f"{tmp_path}/persons.toml:" in message and "missing key 'titles'" in message
    assert "unknown key 'title' (did you mean 'titles'?)" in message


@pytest.mark.parametrize("output", ["-o", "--store"])
def test_the_command_line_reports_a_bad_resource_in_one_line_and_writes_nothing(tmp_path, output):
    text = (RESOURCE_DIR / "quantities.toml").read_text(encoding="utf-8")
    own = tmp_path / "own"
    own.mkdir()
    (own / "quantities.toml").write_text(re.sub(r"(?m)^target_cues\s*=", "target_cue =", text), encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text("到2025年，全市专利授权量达到1万件。\n", encoding="utf-8")
    out = tmp_path / "out"
    env = dict(os.environ, POLICYKG_RESOURCES=str(own))
    done = subprocess.run([sys.executable, "-m", "kg", "build", str(doc), output, str(out)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert "quantities.toml:" in lines[0] and "missing key 'context.target_cues'" in lines[0]
    assert not out.exists()
