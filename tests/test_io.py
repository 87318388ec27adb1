"""Outputs are written whole or not at all, and what a killed write left is cleared by the next."""

import pytest

from kg.io import atomic_write


def test_a_write_clears_the_parts_a_killed_write_of_the_same_file_left(tmp_path):
    target = tmp_path / "graph.ttl"
    stale = tmp_path / ".graph.ttl.abc123.part"  # what a SIGKILL during an earlier write leaves
    stale.write_bytes(b"half")
    other = tmp_path / ".graph.trig.abc123.part"  # another file's: not this write's business
    other.write_bytes(b"half")
    atomic_write(target, "done")
    assert target.read_text() == "done"
    assert not stale.exists() and other.exists()


def test_a_streamed_write_that_fails_leaves_the_old_file_and_no_part(tmp_path):
    from kg.io import atomic_stream

    target = tmp_path / "corpus.nt"
    target.write_text("old")

    def writer(out):
        out.write(b"<a> <b> <c> .\n")
        raise RuntimeError("the store went away")

    with pytest.raises(RuntimeError):
        atomic_stream(target, writer)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["corpus.nt"]
    atomic_stream(target, lambda out: out.writelines([b"1\n", b"2\n"]))
    assert target.read_text() == "1\n2\n"
