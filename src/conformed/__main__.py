"""``python -m conformed``."""

import sys

from .cli import main

sys.exit(main())
