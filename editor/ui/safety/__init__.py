"""The safety net in the window: autosave to the journal, the file watch, external changes
and the conflict banner, recovery and history wiring. Uses dialogs/, widgets/ and core."""
