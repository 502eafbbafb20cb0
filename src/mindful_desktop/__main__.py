"""Entry point for `python -m mindful_desktop`."""

import sys

from mindful_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
