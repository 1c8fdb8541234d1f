"""Preview on the Site: the site's own `jekyll serve` as a child process of the window.

It builds into a cache folder on free local ports, with drafts and future posts, and
rebuilds by itself when a post is saved (Jekyll watches the files). Its output is read line
by line for the panel; it is stopped when the window quits or another site opens.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

from editor.core.child_env import child_environment
from editor.core.siteserve.command import HOW_TO_GET, ServeCommand, find_jekyll, serve_command
from editor.core.siteserve.output import Event, read_line

STOP_WAIT_MS = 3000


class SiteServer(QObject):
    """`lineRead(Line)` for each output line; `serving(str base_url)` once it answers;
    `stopped(str reason)` when the process ends."""

    lineRead = Signal(object)
    serving = Signal(str)
    stopped = Signal(str)

    def __init__(self, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache_dir = cache_dir
        self.command: ServeCommand | None = None
        self.root: Path | None = None
        self.ready = False
        self._process: QProcess | None = None
        self._partial = b""

    @property
    def running(self) -> bool:
        return self._process is not None

    def start(self, root: Path) -> str | None:
        """Start serving `root`; returns why it cannot (Jekyll missing), else None."""
        self.stop()
        prefix = find_jekyll(root)
        if prefix is None:
            return HOW_TO_GET
        self.root = root
        self.command = serve_command(root, self.cache_dir, prefix)
        self.ready = False
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.setWorkingDirectory(str(root))
        env = QProcessEnvironment()
        for key, value in child_environment().items():
            env.insert(key, value)
        process.setProcessEnvironment(env)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        self._process = process
        self._partial = b""
        process.start(self.command.program, self.command.arguments)
        return None

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.finished.disconnect(self._finished)
        process.errorOccurred.disconnect(self._error)
        if process.state() != QProcess.ProcessState.NotRunning:
            process.terminate()  # Jekyll shuts its server down on SIGTERM
            if not process.waitForFinished(STOP_WAIT_MS):
                process.kill()
                process.waitForFinished(STOP_WAIT_MS)
        process.deleteLater()
        self.ready = False
        self.stopped.emit("stopped")

    def url_for(self, page_path: str) -> str:
        return (self.command.base_url if self.command else "") + page_path

    def _read(self) -> None:
        process = self._process
        if process is None:
            return
        data = self._partial + bytes(process.readAllStandardOutput().data())
        *lines, self._partial = data.split(b"\n")
        for raw in lines:
            text = raw.decode("utf-8", "replace").rstrip()
            if not text.strip():
                continue
            line = read_line(text)
            self.lineRead.emit(line)
            if line.event is Event.SERVING and not self.ready and self.command is not None:
                self.ready = True
                self.serving.emit(self.command.base_url)

    def _finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        self._read()
        process, self._process = self._process, None
        if process is not None:
            process.deleteLater()
        self.ready = False
        self.stopped.emit(f"Jekyll stopped (exit code {code}); see the messages above.")

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            process, self._process = self._process, None
            if process is not None:
                process.deleteLater()
            self.stopped.emit(f"Jekyll could not be started. {HOW_TO_GET}")
