"""The main window: composing the panes and wiring their signals, the open document, menus
and actions, layout, settings, and the image and index wiring. Uses every ui package and core."""
