"""``python -m pad_lint``: same as the ``pad-lint`` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
