"""Length of an Ogg Opus file from its headers alone: no decoding, so it is instant."""

from __future__ import annotations

import struct
from pathlib import Path

OPUS_RATE = 48_000  # Opus granule positions always count 48 kHz samples


def opus_duration(path: Path) -> float | None:
    """Seconds of audio (last granule position minus pre-skip), or None if not single-stream
    Ogg Opus. The last page is the "OggS" header whose segment table ends exactly at the end
    of the file, so a stray "OggS" inside the audio data is never mistaken for it."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(4096)
        handle.seek(max(0, size - 65_536))
        tail = handle.read()
    magic = head.find(b"OpusHead")
    if not head.startswith(b"OggS") or magic < 0 or len(head) < magic + 12:
        return None
    pre_skip: int = struct.unpack_from("<H", head, magic + 10)[0]
    pos = tail.rfind(b"OggS")
    while pos >= 0:
        if pos + 27 <= len(tail):
            count = tail[pos + 26]
            table = tail[pos + 27 : pos + 27 + count]
            if len(table) == count and pos + 27 + count + sum(table) == len(tail):
                granule: int = struct.unpack_from("<q", tail, pos + 6)[0]
                return max(0.0, (granule - pre_skip) / OPUS_RATE) if granule >= 0 else None
        pos = tail.rfind(b"OggS", 0, pos)
    return None
