"""`python -m editor` starts the app (or the command line, given a subcommand)."""

from editor.app import main

raise SystemExit(main())
