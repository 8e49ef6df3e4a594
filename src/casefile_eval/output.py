"""Writing outputs safely: atomically, never over an existing file unless forced, and never
outside the folder the user chose."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


class OutputError(Exception):
    """An output cannot be written (exists without --force, path escapes its folder …)."""


@contextlib.contextmanager
def atomic_write(
    path: str | Path, *, force: bool = False, binary: bool = False
) -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path`` and rename it into place on success.

    A failure or interruption mid-way leaves no half-written file. An existing file is kept
    unless ``force``.
    """
    target = Path(path)
    if target.exists() and not force:
        raise OutputError(f"{target}: 文件已存在，未覆盖（如需覆盖请加 --force）")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        mode = "wb" if binary else "w"
        kwargs = {} if binary else {"encoding": "utf-8", "newline": ""}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def spreadsheet_safe(value: Any) -> Any:
    """A CSV/XLSX cell value that cannot run as a formula: case files are untrusted text, and a
    cell starting with = + - @ (or a tab or carriage return) would be evaluated by Excel/WPS."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')


def safe_name(text: str, *, fallback: str = "untitled", max_length: int = 80) -> str:
    """A file name made from untrusted text (a case id, an agency name) that cannot contain a
    path separator, a parent reference or a device name."""
    name = _UNSAFE.sub("_", text).strip(" .")
    name = name.replace("..", "_")
    if not name or name in {".", ".."}:
        name = fallback
    return name[:max_length]


def inside(folder: str | Path, name: str) -> Path:
    """``folder / name`` after checking the result stays inside ``folder``."""
    base = Path(folder).resolve()
    candidate = (base / name).resolve()
    if candidate != base and base not in candidate.parents:
        raise OutputError(f"{name}: 输出路径超出目标文件夹 {base}")
    return candidate
