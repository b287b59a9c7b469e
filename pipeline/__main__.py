"""``python -m referentiel`` runs the ``referentiel`` command."""

import sys

from .cli import main

sys.exit(main())
