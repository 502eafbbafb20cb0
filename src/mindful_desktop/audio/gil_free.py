"""QMediaPlayer's stop and setSource, called with Python's lock (the GIL) let go.

PySide holds the GIL through these calls. Both tear down the FFmpeg backend's audio renderer,
whose thread, while destroying its objects with a Qt connection lock held, asks our
Python-made QAudioOutput or QMediaPlayer whether Python overrides `disconnectNotify` (which
needs the GIL). The window's thread, holding the GIL, waits for that connection lock:
neither moves, and the window freezes for good (seen about once in twenty stops, under load).

Called through ctypes (a CDLL call lets the GIL go for its duration), the same C++ functions
run with the lock free, and the slots they trigger take it as usual. Where the library or
the symbol isn't found (another platform's name mangling), the ordinary PySide call is used.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QUrl
from PySide6.QtMultimedia import QMediaPlayer

log = logging.getLogger(__name__)

_STOP = "_ZN12QMediaPlayer4stopEv"
_SET_SOURCE = "_ZN12QMediaPlayer9setSourceERK4QUrl"


@cache
def _functions() -> dict[str, Callable[..., Any]] | None:
    if not sys.platform.startswith("linux"):
        return None
    import PySide6

    library = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Multimedia.so.6"
    try:
        lib = ctypes.CDLL(str(library) if library.exists() else "libQt6Multimedia.so.6")
        found = {name: getattr(lib, name) for name in (_STOP, _SET_SOURCE)}
    except (OSError, AttributeError) as exc:
        log.info("QMediaPlayer calls keep the GIL (%s)", exc)
        return None
    found[_STOP].argtypes = [ctypes.c_void_p]  # this
    found[_SET_SOURCE].argtypes = [ctypes.c_void_p, ctypes.c_void_p]  # this, const QUrl &
    for function in found.values():
        function.restype = None
    return found


def _pointer(obj: QMediaPlayer | QUrl) -> int:
    return int(shiboken6.getCppPointer(obj)[0])


def stop(player: QMediaPlayer) -> None:
    functions = _functions()
    if functions is None or type(player) is not QMediaPlayer:
        player.stop()
        return
    functions[_STOP](_pointer(player))


def set_source(player: QMediaPlayer, url: QUrl) -> None:
    functions = _functions()
    if functions is None or type(player) is not QMediaPlayer:
        player.setSource(url)
        return
    functions[_SET_SOURCE](_pointer(player), _pointer(url))  # `url` lives until it returns


def available() -> bool:
    return _functions() is not None
