"""``python -m bonemets`` runs the course command line."""

import sys

from bonemets.cli import main

sys.exit(main())
