"""Small Qt helpers with no knowledge of Byline's panes: icons, a flow layout, the
background task runner. Uses only Qt and the standard library."""
