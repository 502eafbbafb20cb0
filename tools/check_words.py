"""Show how the voice will say the words a TTS voice can get wrong (build-time tool).

Usage: .venv/bin/python tools/check_words.py [--words close,live,...] [ID ...]

Some English words are spelled alike and said differently: "close" (near) and "close" (shut),
"live", "present", "lead", "tear", "wind", "minute" (sixty seconds, or tiny). Piper reads text
through espeak-ng, which guesses from the words around them and sometimes guesses wrong ("draws
to a close" came out with the "s" of "close by"). This prints every narration line holding one
of these words, with the phonemes piper will speak, so a person can read them through and
rewrite a line the voice would misread. It needs the render extras (piper-tts).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS_DIR = ROOT / "assets" / "audio" / "scripts"

# Heteronyms worth a look in guidance, plus their common forms.
WORDS = (
    "close closes closed closer closely live lives present presents lead leads tear tears "
    "wind winds wound minute minutes read does use used content object refuse separate "
    "record row bow desert moderate alternate deliberate"
).split()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*", metavar="ID", help="only these scripts")
    parser.add_argument("--words", help="comma-separated words to look for instead")
    args = parser.parse_args(argv)

    from piper.phonemize_espeak import EspeakPhonemizer

    from mindful_desktop.audio.script_format import load_script

    words = set(args.words.lower().split(",")) if args.words else set(WORDS)
    phonemizer = EspeakPhonemizer()
    paths = sorted(SCRIPTS_DIR.glob("*.txt"))
    if args.ids:
        paths = [p for p in paths if p.stem in args.ids]
    found = 0
    for path in paths:
        for line in load_script(path).narration:
            hits = sorted({w for w in re.findall(r"[a-z']+", line.lower()) if w in words})
            if not hits:
                continue
            found += 1
            sentences = phonemizer.phonemize("en-us", line)
            spoken = " | ".join("".join(s) for s in sentences if "".join(s).strip())
            print(f"{path.stem}: {line}\n    [{', '.join(hits)}] {spoken}")
    print(f"{found} lines to read through", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
