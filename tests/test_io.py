"""Outputs are written whole or not at all, and what a killed write left is cleared by the next."""

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
