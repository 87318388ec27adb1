"""Writing outputs safely: to a temporary file beside the target, then renamed.

A reader never sees a half-written file, and a failed or interrupted write
leaves the previous version in place.
"""

from __future__ import annotations

import os
import tempfile
from glob import escape as glob_escape
from pathlib import Path
from typing import BinaryIO, Callable

from kg.errors import OutputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove_stale_parts(path: Path) -> None:
    """Remove what a killed write of ``path`` left (``.graph.ttl.x1y2.part``): the new file is in place, so no
    part of an older write can still be wanted (two processes writing one file at once are not supported)."""
    for stale in path.parent.glob(f".{glob_escape(path.name)}.*.part"):
        try:
            stale.unlink()
        except OSError:
            pass


def atomic_write(path: str | Path, data: str | bytes, sync: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically and return the path.

    With ``sync`` the data is on disk before the rename (a power cut leaves the
    old or the new file); without, a crash of the process still does, which is
    enough for files that a later step can make again."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    return atomic_stream(path, lambda fh: fh.write(payload), sync)


def atomic_stream(path: str | Path, writer: Callable[[BinaryIO], object], sync: bool = True) -> Path:
    """Write ``path`` atomically by calling ``writer`` with the open (binary) temporary file, so
    that what is written need never be held whole; as :func:`atomic_write` otherwise."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror}); choose another output folder") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            writer(fh)
            fh.flush()
            if sync:
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
        _remove_stale_parts(path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write ({exc.strerror}); choose another output folder") from None
        raise
    return path


def prepare_dir(path: str | Path) -> Path:
    """Return ``path`` as an existing, writable output folder."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: exists and is not a folder; give a folder for the outputs")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{path}: cannot create the output folder ({exc.strerror})") from None
    if not os.access(path, os.W_OK):
        raise OutputError(f"{path}: the output folder is not writable")
    return path
