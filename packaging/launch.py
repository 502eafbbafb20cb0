"""The bundle's entry point (packaging/mindful-desktop.spec): the same main() as the
`mindful-desktop` command."""

import sys

from mindful_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
