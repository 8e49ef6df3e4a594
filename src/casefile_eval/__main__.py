"""``python -m casefile_eval``: the same as the ``casefile-eval`` command."""

from .cli import main

raise SystemExit(main())
