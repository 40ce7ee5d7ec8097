"""`python -m mkdocs_training ...`: the commands in cli.py."""

import sys

from mkdocs_training.cli import main

sys.exit(main())
