"""Start-up and the process around the window: the QApplication, files opened from the
desktop, signals that end the app, the first paint. Uses window/, dialogs/ and core."""
