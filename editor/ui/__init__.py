"""Qt widgets and windows of Byline, by package: startup/, window/, panes/, form/, dialogs/,
safety/ and widgets/; here the settings table and Qt's user folders. Uses editor.core."""
