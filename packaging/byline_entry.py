"""What the frozen app runs: the same start-up as `python -m editor`."""

from editor.app import main

raise SystemExit(main())
