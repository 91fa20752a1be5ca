"""Allow ``python -m counter_app`` to start the GUI."""

from counter_app.ui.app import main

raise SystemExit(main())
