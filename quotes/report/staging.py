"""A report appears whole or not at all: built in a staging folder beside ``--out``, under a lock,
and swapped in at the end.

:func:`open_report` takes the lock of the output folder (a second report into the same folder
fails at once with a clear error rather than waiting: the two would replace each other's work,
and a run that waits silently looks hung), removes what an interrupted run left beside it, and
makes two hidden folders beside ``--out`` on its filesystem: the staging folder the report is
written into, and the spool of its quotations. :meth:`StagedReport.commit` then

1. carries the user's own files over from the old folder (every entry that the old
   ``report-files.json`` does not list, hard-linked, or copied where a link is refused), so that
   a re-run removes what the earlier report wrote and nothing else;
2. notes the swap in a journal beside the folder and swaps the two folders in one step
   (``renameat2`` with ``RENAME_EXCHANGE`` on Linux; elsewhere two renames, which the next run
   undoes if it is interrupted between them);
3. puts back any file the user added to the old folder while the report ran, and removes the old
   folder.

Until step 2 the old folder is untouched, byte for byte: an error, Ctrl-C or ``kill -9`` leaves
the previous report as it was (with ``kill -9``, the staging folder stays beside it until the
next report into that folder removes it and says so). Nothing outside the output folder and the
hidden folders beside it is written or removed, and a symbolic link is never followed.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quotes.io.files import atomic_write_text, display_name
from quotes.records.errors import QuotesError
from quotes.report.written_files import RECORD

try:  # POSIX; elsewhere reports are not locked against each other
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

_TAG = "quotescope-"
_STAGING, _SPOOL, _OLD, _LOCK, _JOURNAL = "staging-", "spool-", "old-", "lock", "swap"
_RENAME_EXCHANGE = 2


class ReportFolderError(QuotesError):
    """The output folder cannot take a report (locked by another run, not a folder, a clash)."""


def open_report(out_dir: str | os.PathLike[str]) -> StagedReport:
    """Lock ``out_dir`` for one report, clear what an interrupted run left, and make the staging
    and spool folders; use the result as a context manager."""
    target = _target(Path(out_dir))
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = _Lock(_beside(target, _LOCK), display_name(str(out_dir)))
    try:
        notes = recover(target)
        staging = Path(tempfile.mkdtemp(prefix=_beside(target, _STAGING).name, dir=target.parent)).resolve()
        spool = Path(tempfile.mkdtemp(prefix=_beside(target, _SPOOL).name, dir=target.parent))
    except BaseException:
        lock.release()
        raise
    return StagedReport(target, staging, spool, lock, notes)


@dataclass
class StagedReport:
    """One report being written: ``staging`` becomes ``target`` on :meth:`commit`."""

    target: Path
    staging: Path
    spool: Path
    lock: _Lock
    notes: list[str] = field(default_factory=list)  # what the CLI should tell the user
    committed: bool = False

    def commit(self, files: set[str]) -> None:
        """Swap the staged report (whose own files, relative to it, are ``files``) in for the
        target folder, keeping the user's files of the old one."""
        old_files = _record(self.target)
        mode = stat.S_IMODE(self.target.stat().st_mode) if self.target.is_dir() else 0o777 & ~_umask()
        os.chmod(self.staging, mode)  # mkdtemp made it private; the report has the old folder's mode
        if self.target.is_dir():
            replaced = _carry_over(self.target, self.staging, old_files, files)
            if replaced:
                self.notes.append(
                    f"{len(replaced)} file(s) in {display_name(str(self.target))} that no {RECORD} listed "
                    f"were replaced by the report's own (first: {display_name(replaced[0])})"
                )
            old = _swap(self.staging, self.target)
            self.committed = True
            self.notes.extend(_reconcile(old, self.target, files))
            _beside(self.target, _JOURNAL).unlink()
        else:
            os.rename(self.staging, self.target)
            self.committed = True

    def close(self) -> None:
        """Remove the spool, and the staging folder unless it was committed (an interrupt during the
        swap: finished if the folders were swapped, else undone); release the lock."""
        try:
            shutil.rmtree(self.spool, ignore_errors=True)
            if not self.committed:
                journal = _beside(self.target, _JOURNAL)
                if journal.is_file():
                    self.notes.extend(_finish_swap(journal, self.target))
                    journal.unlink()
                shutil.rmtree(self.staging, ignore_errors=True)
        finally:
            self.lock.release()

    def __enter__(self) -> StagedReport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- the folder and its lock -----------------------------------------------------------------------


def _target(out: Path) -> Path:
    """The folder the report replaces: ``out`` made absolute, through a symbolic link to a folder
    (the link stays and points at the new report)."""
    given = Path(os.path.abspath(out))
    if os.path.lexists(given) and not given.is_dir():
        raise ReportFolderError(f"{display_name(str(out))}: not a folder")
    target = given.resolve()
    if target.parent == target or os.path.ismount(target):
        raise ReportFolderError(
            f"{display_name(str(out))}: a mount point, which a finished report cannot replace as a whole; "
            "choose a folder inside it as --out"
        )
    try:
        here = Path.cwd().resolve()
    except OSError:
        return target
    if target.exists() and (here == target or target in here.parents):
        raise ReportFolderError(
            f"{display_name(str(out))}: the report replaces its output folder as a whole, so it cannot "
            "be the current folder or hold it; choose another --out"
        )
    return target


def _beside(target: Path, kind: str) -> Path:
    """A hidden name beside ``target`` for one kind of helper (``.reports.quotescope-staging-``)."""
    return target.parent / f".{target.name}.{_TAG}{kind}"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class _Lock:
    """An exclusive lock on a file beside the output folder, taken at once or refused. The kernel
    releases it when the process ends, however it ends; the file is removed on release."""

    def __init__(self, path: Path, shown: str) -> None:
        self.path = path
        self.handle: int | None = None
        if fcntl is None:  # pragma: no cover - Windows
            return
        while True:
            handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:
                os.close(handle)
                if error.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                owner = _read_pid(path)
                raise ReportFolderError(
                    f"{shown}: another quotes report{f' (process {owner})' if owner else ''} is writing "
                    "this folder; "
                    "wait for it to finish or choose another --out"
                ) from None
            try:  # the holder before us may have removed the file: lock the one at the path
                same = os.path.samestat(os.fstat(handle), os.stat(path))
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(handle)
        os.ftruncate(handle, 0)
        os.write(handle, f"{os.getpid()}\n".encode())
        self.handle = handle

    def release(self) -> None:
        if self.handle is not None:
            handle, self.handle = self.handle, None
            try:
                self.path.unlink(missing_ok=True)
            finally:
                os.close(handle)


def _read_pid(path: Path) -> str:
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        return ""
    return text if text.isdigit() else ""


# -- what an interrupted run left ------------------------------------------------------------------


def recover(target: Path) -> list[str]:
    """Clear what an interrupted report into ``target`` left beside it (call with the lock held).

    A swap noted in the journal is finished: if it happened, the user's files of the old folder
    are put into ``target`` and the rest removed; if it was cut short between two renames, the old
    folder is renamed back. Then every staging folder and spool is removed. Returns one note per
    thing done."""
    notes = []
    journal = _beside(target, _JOURNAL)
    if journal.is_file() and not journal.is_symlink():
        notes.extend(_finish_swap(journal, target))
        journal.unlink()
    prefix = f".{target.name}.{_TAG}"
    for entry in sorted(target.parent.iterdir()) if target.parent.is_dir() else []:
        kind = entry.name[len(prefix) :] if entry.name.startswith(prefix) else ""
        if not kind.startswith((_STAGING, _SPOOL)) or entry.is_symlink() or not entry.is_dir():
            continue
        shutil.rmtree(entry, ignore_errors=True)
        shown = display_name(entry.name)
        if entry.exists():
            notes.append(f"could not remove {shown}, left by an interrupted report")
        elif kind.startswith(_STAGING):
            notes.append(f"removed {shown}, an unfinished report left by an interrupted run")
    return notes


def _finish_swap(journal: Path, target: Path) -> list[str]:
    """Complete or undo the swap the ``journal`` describes."""
    try:
        data = json.loads(journal.read_text(encoding="utf-8"))
        staging, aside = target.parent / data["staging"], target.parent / data["aside"]
        new, old = int(data["new"]), int(data["old"])
    except (OSError, ValueError, KeyError, TypeError):
        return []
    here = _inode(target)
    if here == new:  # swapped: the old folder is at the staging name (exchange) or aside (renames)
        gone = next((path for path in (staging, aside) if _inode(path) == old), None)
        return _reconcile(gone, target, _record(target)) if gone is not None else []
    if here is None and _inode(aside) == old:  # cut short between the two renames: undo
        os.rename(aside, target)
        return [f"restored {display_name(str(target))}, which an interrupted report had moved aside"]
    return []


def _inode(path: Path) -> int | None:
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return info.st_ino if stat.S_ISDIR(info.st_mode) else None


# -- carrying the user's files over, the swap, clearing the old folder -----------------------------


def _record(folder: Path) -> set[str]:
    """The files the report in ``folder`` recorded writing (empty if none or unreadable)."""
    try:
        data = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    files = data.get("files") if isinstance(data, dict) else None
    return {f for f in files if isinstance(f, str)} if isinstance(files, list) else set()


def _ours(relative: str, record: set[str]) -> bool:
    """Whether an entry of an old report folder was written by quotescope: a recorded file, the
    swap's marker, or a temporary file or spool of an interrupted run of an earlier version."""
    if relative in record or relative.startswith(".quotescope-spool-"):
        return True
    if relative == "manifest.json" and record:  # earlier versions wrote it after the record
        return True
    folder, _, name = relative.rpartition("/")
    if name.startswith(".") and name.endswith(".tmp"):  # .index.html.x1y2z3.tmp, .quotations.csv.tmp
        stem = name[1:].rsplit(".", 2)[0] if name.count(".") >= 3 else name[1:-4]
        return any(f in record for f in (f"{folder}/{stem}" if folder else stem, relative))
    return False


def _entries(folder: Path) -> Iterator[tuple[str, os.stat_result]]:
    """Every entry of ``folder`` but its folders, as (relative path, lstat), symbolic links to
    folders included and never followed; then each folder that holds nothing, with its lstat."""
    for root, dirs, files in os.walk(folder):
        base = Path(root)
        relative_root = base.relative_to(folder).as_posix()
        links = [d for d in dirs if (base / d).is_symlink()]
        dirs[:] = [d for d in dirs if d not in links]
        for name in sorted([*files, *links]):
            relative = name if relative_root == "." else f"{relative_root}/{name}"
            yield relative, os.lstat(base / name)
        if not dirs and not files and not links and relative_root != ".":
            yield relative_root + "/", os.lstat(base)


def _carry_over(old: Path, staging: Path, old_files: set[str], new_files: set[str]) -> list[str]:
    """Link (or copy) every user entry of ``old`` into ``staging``; returns the user files that
    the report's own files replace. A clash of a file with a folder is a ReportFolderError."""
    replaced = []
    for relative, info in _entries(old):
        if _ours(relative.rstrip("/"), old_files):
            continue
        if relative.endswith("/"):  # an empty folder of the user's
            _ensure_folder(staging, relative.rstrip("/"), old)
            continue
        destination = staging / relative
        _ensure_folder(staging, relative.rpartition("/")[0], old)
        if os.path.lexists(destination):
            if destination.is_dir() and not destination.is_symlink():
                _clash(old, relative, "a folder")
            replaced.append(relative)  # the report's own file wins, as it always has
            continue
        if any(name.startswith(relative + "/") for name in new_files):
            _clash(old, relative, "a folder")
        _link_or_copy(old / relative, destination, info)
    return replaced


def _ensure_folder(staging: Path, relative: str, old: Path) -> None:
    """Make ``staging/relative`` a folder (with its parents) unless a report file stands in the way."""
    if not relative:
        return
    here = staging
    for part in relative.split("/"):
        here = here / part
        if here.is_symlink() or (here.exists() and not here.is_dir()):
            _clash(old, here.relative_to(staging).as_posix(), "a file", folder=True)
        if not here.exists():
            here.mkdir()
            source = old / here.relative_to(staging)
            if source.is_dir() and not source.is_symlink():
                os.chmod(here, stat.S_IMODE(source.stat().st_mode))


def _clash(old: Path, relative: str, what: str, *, folder: bool = False) -> None:
    entry = old / relative
    kind = "folder" if folder else "symbolic link" if entry.is_symlink() else "file"
    raise ReportFolderError(
        f"{display_name(str(entry))}: a {kind} of yours (not in {RECORD}) stands where the report "
        f"writes {what}; move it away or choose another --out (nothing was changed)"
    )


def _link_or_copy(source: Path, destination: Path, info: os.stat_result) -> None:
    """A hard link to ``source`` at ``destination`` (a symbolic link is linked, not followed); a
    copy where the file system refuses links."""
    try:
        os.link(source, destination, follow_symlinks=False)
        return
    except NotImplementedError:  # pragma: no cover - a system without linkat
        pass
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOTSUP, errno.EACCES):
            raise
    if stat.S_ISLNK(info.st_mode):
        os.symlink(os.readlink(source), destination)
    elif stat.S_ISREG(info.st_mode):
        shutil.copy2(source, destination, follow_symlinks=False)
    else:
        shown = display_name(str(source))
        raise ReportFolderError(f"{shown}: cannot keep this special file in the new report")


def _swap(staging: Path, target: Path) -> Path:
    """Put ``staging`` in place of ``target``, noted first in the journal beside them (so that an
    interrupted run's next one finishes or undoes it); returns where the old folder now is."""
    aside = Path(tempfile.mkdtemp(prefix=_beside(target, _OLD).name, dir=target.parent))
    os.rmdir(aside)  # only a free name for the old folder, if two renames are needed
    journal = {"staging": staging.name, "aside": aside.name, "new": _inode(staging), "old": _inode(target)}
    atomic_write_text(_beside(target, _JOURNAL), json.dumps(journal) + "\n")
    if _exchange(staging, target):
        return staging
    os.rename(target, aside)  # killed here: the next run renames it back (see recover)
    try:
        os.rename(staging, target)
    except BaseException:
        os.rename(aside, target)
        raise
    return aside


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where the
    system or the file system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _reconcile(old: Path, target: Path, new_files: set[str]) -> list[str]:
    """Clear ``old`` (a folder the report in ``target`` replaced): drop what quotescope wrote and
    what the new folder already holds (the same file, linked or copied), move into ``target`` any
    file the user added meanwhile, and remove ``old``; if something cannot be placed, keep ``old``
    and say so."""
    old_files = _record(old)
    kept = []
    for relative, info in list(_entries(old)):
        if relative.endswith("/"):
            continue
        source = old / relative
        destination = target / relative
        if _ours(relative, old_files) or relative in new_files or _same(info, destination):
            source.unlink()
        elif not os.path.lexists(destination) and _can_hold(target, relative):
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.rename(source, destination)
        else:
            kept.append(relative)
    for root, _dirs, _files in sorted(os.walk(old), key=lambda walked: -len(walked[0])):
        if Path(root) != old:
            _rmdir(Path(root))  # emptied folders go; one that still holds something stays
    if not kept and _rmdir(old):
        return []
    aside = old
    if not old.name.startswith(_beside(target, _OLD).name):
        aside = Path(tempfile.mkdtemp(prefix=_beside(target, _OLD).name, dir=target.parent))
        os.rmdir(aside)
        os.rename(old, aside)
    first = display_name(kept[0]) if kept else "?"
    return [f"kept {display_name(str(aside))}: {len(kept)} file(s) of yours there (first: {first}) "
            f"could not be put back into {display_name(str(target))}"]


def _same(info: os.stat_result, destination: Path) -> bool:
    """Whether ``destination`` is the entry ``info`` describes (a hard link to it) or its copy."""
    try:
        there = os.lstat(destination)
    except OSError:
        return False
    if os.path.samestat(info, there):
        return True
    return (
        stat.S_IFMT(info.st_mode) == stat.S_IFMT(there.st_mode)
        and info.st_size == there.st_size
        and info.st_mtime_ns == there.st_mtime_ns
    )


def _can_hold(target: Path, relative: str) -> bool:
    """Whether every folder on the way to ``target/relative`` is a real folder or missing."""
    here = target
    for part in relative.split("/")[:-1]:
        here = here / part
        if here.is_symlink() or (here.exists() and not here.is_dir()):
            return False
    return True


def _rmdir(folder: Path) -> bool:
    try:
        folder.rmdir()
    except OSError:
        return False
    return True
