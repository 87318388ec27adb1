"""Whatever researchers download: encodings, hostile text, sizes."""

import codecs

import pytest

from kg import api
from kg.errors import InputError
from kg.text.decode import decode_bytes
from kg.text.read import read_source

TRADITIONAL = ("北京市知識產權局關於推進知識產權保護的實施方案\n一、主要任務\n"
               "（一）加強保護。到2025年，全市有效發明專利擁有量超過15萬件。（牽頭單位：市知識產權局，配合單位：市商務局）\n"
               "二、保障措施\n加強組織領導。")
SIMPLIFIED = ("北京市知识产权局关于推进知识产权保护的实施方案\n一、主要任务\n"
              "（一）加强保护。到2025年，全市有效发明专利拥有量超过15万件。（牵头单位：市知识产权局，配合单位：市商务局）\n"
              "二、保障措施\n加强组织领导。")


@pytest.mark.parametrize("data, encoding", [
    (SIMPLIFIED.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16"),
    (SIMPLIFIED.encode("gb18030"), "gb18030"),
    (SIMPLIFIED.encode("gbk"), "gb18030"),
    (TRADITIONAL.encode("big5"), "big5"),
])
def test_every_common_encoding_is_read(data, encoding):
    source = decode_bytes(data, "doc.txt")
    assert source.encoding == encoding
    assert source.text.endswith(("加强组织领导。", "加強組織領導。"))


def test_an_undecidable_encoding_is_an_error_naming_the_file():
    noise = bytes(range(0x81, 0xFF)) * 40
    with pytest.raises(InputError, match="^noise.txt: cannot tell the text encoding"):
        decode_bytes(noise, "noise.txt")


def test_traditional_text_is_kept_as_written_and_read_like_simplified(tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    traditional, simplified = api.extract(path), api.extract_text(SIMPLIFIED)
    # The same facts, linked to the same canonical (simplified) agencies and indicators…
    assert [a.canonical for a in traditional.agencies] == [a.canonical for a in simplified.agencies]
    assert [(t.value, str(t.deadline), t.canonical_indicator) for t in traditional.targets] == \
        [(t.value, str(t.deadline), t.canonical_indicator) for t in simplified.targets]
    assert [(r.agency, r.role) for r in traditional.responsibilities] == \
        [(r.agency, r.role) for r in simplified.responsibilities]
    # …written as the document writes them.
    assert [a.name for a in traditional.agencies][:1] == ["北京市知識產權局"]
    assert traditional.targets[0].indicator == "有效發明專利擁有量"
    assert traditional.tasks[0].label == "加強保護"
    assert traditional.read[0].title == "北京市知識產權局關於推進知識產權保護的實施方案"
    assert any(s.text.startswith("（一）加強保護") for s in traditional.sentences)


def test_a_few_old_or_japanese_forms_do_not_make_a_text_traditional():
    ex = api.extract_text(SIMPLIFIED + "\n出所：中関村国家自主創新示範区ウェブサイト")
    assert ex.targets[0].indicator == "有效发明专利拥有量"
    assert ex.read[0].title == "北京市知识产权局关于推进知识产权保护的实施方案"


@pytest.mark.parametrize("text", [
    "国家\u200b知识产权局\u200d负责。",              # zero-width characters inside a name
    "国家知识产权局\x07负\x1b责。",                    # control characters
    "到２０２５年，全省有效发明专利拥有量超过１５万件。",  # full-width digits
])
def test_hostile_characters_do_not_hide_what_is_written(text):
    ex = api.extract_text("关于某事的意见\n" + text)
    names = {a.canonical for a in ex.agencies} | {str(t.value) for t in ex.targets}
    assert "国家知识产权局" in names or "150000" in names


@pytest.mark.parametrize("text", [
    "。，、；：！？……——《》（）" * 200,                # only punctuation
    "没有章节也没有编号的一段普通文字" * 50,             # no sections
    "政" * 300_000,                                 # an extremely long line of one character
    ("国家发展改革委" + "1" * 50) * 5_000,              # a long line of names and digits
])
def test_strange_documents_get_a_graph_not_a_crash(text, tmp_path):
    path = tmp_path / "strange.txt"
    path.write_text(text, encoding="utf-8")
    result = api.build([path])
    assert result.failures == [] and len(result.extractions) == 1
    written = api.write(result, tmp_path / "out")
    assert written["graph.ttl"].stat().st_size > 0 and written["graph.html"].stat().st_size > 0


def test_a_huge_file_is_refused_with_a_clear_error(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        line = ("国家知识产权局负责推进知识产权保护工作。" * 100 + "\n").encode("utf-8")
        while fh.tell() < 50_000_000:
            fh.write(line)
    with pytest.raises(InputError, match=r"^.*huge.txt: [\d,]+ characters of text, more than one document"):
        read_source(path)
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["build", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "characters of text" in result.output and "Traceback" not in result.output


def test_two_files_whose_ids_name_one_graph_stop_the_build(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a b.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (folder / "ab.txt").write_text(SIMPLIFIED.replace("2025", "2026"), encoding="utf-8")
    with pytest.raises(InputError, match="would both be document 'ab'"):
        api.build([folder])
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code != 0 and "a b.txt" in result.output and "ab.txt" in result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_file_whose_id_names_a_graph_the_store_holds_for_another_is_refused(tmp_path):
    first, second = tmp_path / "a b.txt", tmp_path / "ab.txt"
    first.write_text(SIMPLIFIED, encoding="utf-8")
    second.write_text(SIMPLIFIED.replace("2025", "2026"), encoding="utf-8")
    store = tmp_path / "store"
    api.build_store([first], store)
    with pytest.raises(InputError, match="which the store holds for"):
        api.build_store([second], store)
    report = api.build_store([first], store)  # the first file's graph is untouched
    assert report.unchanged == [first]


def test_a_link_that_leads_nowhere_is_named_so(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(InputError, match="symbolic link that leads to no file"):
        api.documents_in([loop])
    with pytest.raises(InputError, match="no such file"):
        api.documents_in([tmp_path / "absent.txt"])


def test_a_folder_that_cannot_be_read_is_reported_not_skipped_in_silence(tmp_path, monkeypatch):
    import os

    from click.testing import CliRunner

    from kg.cli import cli

    corpus = tmp_path / "corpus"
    (corpus / "open").mkdir(parents=True)
    (corpus / "locked").mkdir()
    (corpus / "open" / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (corpus / "locked" / "b.txt").write_text(SIMPLIFIED, encoding="utf-8")
    scandir = os.scandir

    def as_if_locked(path="."):  # what chmod 000 does to a user other than root, who runs the tests
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", as_if_locked)
    with pytest.raises(InputError, match="locked: cannot read this folder"):
        api.documents_in([corpus])
    skipped: list[str] = []
    assert api.documents_in([corpus], skipped) == [corpus / "open" / "a.txt"]
    assert len(skipped) == 1 and "Permission denied" in skipped[0]

    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(out), "-q"])
    assert result.exit_code == 1
    assert "locked: cannot read this folder (Permission denied)" in result.output
    assert (out / "graph.ttl").exists() and "/a" in (out / "graph.ttl").read_text(encoding="utf-8")
    assert CliRunner().invoke(cli, ["build", str(corpus), "-o", str(out), "-q", "--keep-going"]).exit_code == 0
    with pytest.raises(InputError, match="locked: cannot read"):  # nothing readable at all: one line, no build
        api.documents_in([corpus / "locked"], [])
