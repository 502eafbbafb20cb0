"""QMediaPlayer and QAudioOutput made by Qt's own C++ constructors, with no Python inside.

An object PySide makes from Python is a C++ subclass whose virtual functions first ask Python
whether it overrides them, and asking needs Python's lock (the GIL). The FFmpeg backend's
renderer thread calls `disconnectNotify` on the player and its audio output while it tears
itself down under a Qt connection lock. The window's thread, holding the GIL in a call that
wants the same lock (stop, setSource, play, pause, a connect elsewhere: Qt shares its pool of
connection locks), waits for it. Neither moves and the window freezes for good. Measured with
`bench/player_stress.py` under load: Python-made objects froze within a few dozen play/stop
cycles; these ran hundreds without one.

Made by the C++ constructor (through ctypes) and wrapped, the objects keep Qt's own virtual
functions, so nothing on the renderer's thread touches Python. Their parent owns and deletes
them, and the Python wrapper is marked dead when they go (a call after that raises instead
of touching freed memory). Where the library or the symbols aren't found (another platform's
name mangling), ordinary PySide objects are made and a note is logged.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, cast

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

__all__ = ["audio_output", "available", "media_player"]

log = logging.getLogger(__name__)

_NEW = "_Znwm"  # operator new(size_t): the allocator Qt's `delete` will free with
_CONSTRUCTORS = {
    QMediaPlayer: "_ZN12QMediaPlayerC1EP7QObject",  # QMediaPlayer(QObject *parent)
    QAudioOutput: "_ZN12QAudioOutputC1EP7QObject",  # QAudioOutput(QObject *parent)
}
# Both are a QObject (two pointers) plus at most one pointer of their own; four times that
# leaves room for a future Qt without changing how the memory is freed.
_SIZE = 64

_Q = TypeVar("_Q", QMediaPlayer, QAudioOutput)


@cache
def _functions() -> dict[str, Callable[..., Any]] | None:
    if not sys.platform.startswith("linux"):
        return None
    import PySide6

    library = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Multimedia.so.6"
    try:
        lib = ctypes.CDLL(str(library) if library.exists() else "libQt6Multimedia.so.6")
        found = {name: getattr(lib, name) for name in (_NEW, *_CONSTRUCTORS.values())}
    except (OSError, AttributeError) as exc:
        log.info("QMediaPlayer and QAudioOutput are made by PySide (%s)", exc)
        return None
    found[_NEW].argtypes = [ctypes.c_size_t]
    found[_NEW].restype = ctypes.c_void_p
    for name in _CONSTRUCTORS.values():
        found[name].argtypes = [ctypes.c_void_p, ctypes.c_void_p]  # this, parent
        found[name].restype = None
    return found


def available() -> bool:
    return _functions() is not None


def _make(cls: type[_Q], parent: QObject) -> _Q:
    functions = _functions()
    if functions is None:
        return cls(parent)
    memory = functions[_NEW](_SIZE)
    functions[_CONSTRUCTORS[cls]](memory, shiboken6.getCppPointer(parent)[0])
    made = cast("_Q", shiboken6.wrapInstance(memory, cls))
    # The wrapper doesn't see the C++ object go; without this it would point at freed memory.
    made.destroyed.connect(lambda *_: shiboken6.invalidate(made))
    return made


def media_player(parent: QObject) -> QMediaPlayer:
    """A QMediaPlayer owned (and deleted) by `parent`."""
    return _make(QMediaPlayer, parent)


def audio_output(parent: QObject) -> QAudioOutput:
    """A QAudioOutput owned (and deleted) by `parent`."""
    return _make(QAudioOutput, parent)
