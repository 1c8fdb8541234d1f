"""Dialogs: preferences, history, recovery, the diff view and the standard questions.
Uses widgets/ and core (and the settings table); never window/."""
