"""Allow ``python -m counter_app`` to start the GUI; also the frozen build's entry script.

A frozen build starts the embedded central service as itself with
``--embedded-centre-child`` first (``counter_app.client.embedded_child``): such a start runs
the service, and is told apart here before Qt is imported.
"""

import sys

from counter_app.client.embedded_child import is_child_start, run_child

if is_child_start(sys.argv[1:]):
    raise SystemExit(run_child(sys.argv[2:]))

from counter_app.ui.app import main  # Qt: only for the application itself

raise SystemExit(main())
