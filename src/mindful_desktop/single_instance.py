"""One window per data folder: a second launch asks the first to come forward, then exits.

The lock (QtCore) is taken before the journal opens; the local server (QtNetwork) can start
listening after the first frame (`acquire(listen=False)`, then `listen()`). A second launch
keeps trying to connect for a moment, so it finds the first even while it is starting.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLockFile, QObject, QThread, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

from mindful_desktop.paths import AppPaths

_MESSAGE = b"show\n"


def server_name(paths: AppPaths) -> str:
    import hashlib  # here, not at the top: only listening and asking need it, after start-up

    digest = hashlib.sha256(str(paths.data_dir).encode()).hexdigest()[:16]
    return f"mindful-desktop-{digest}"


class InstanceGuard(QObject):
    """Holds a lock file in the data folder and a local (same-machine, same-user) socket."""

    activationRequested = Signal()

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paths = paths
        self._lock = QLockFile(str(paths.data_dir / "instance.lock"))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone
        self._server: QLocalServer | None = None

    @property
    def _name(self) -> str:
        return server_name(self._paths)

    def acquire(self, listen: bool = True) -> bool:
        """True when we are the only instance for this data folder; False when another holds
        it. A lock that can't be written at all (a read-only folder, a full disk) raises a
        KnownError saying which, instead of passing for "already open"."""
        if not self._lock.tryLock(200):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                return False
            raise self._paths.why_unwritable()
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Start answering a second launch's "show"."""
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None:
            return
        QLocalServer.removeServer(self._name)  # a crashed run may have left its socket behind
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_connection)
        server.listen(self._name)
        self._server = server

    def ask_running_instance_to_show(self, timeout_ms: int = 2000) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            socket.connectToServer(self._name)
            if socket.waitForConnected(max(1, int((deadline - time.monotonic()) * 1000))):
                break
            if time.monotonic() >= deadline:
                return False
            QThread.msleep(100)  # the first instance may not be listening yet
        socket.write(QByteArray(_MESSAGE))
        ok = socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return ok

    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            conn = self._server.nextPendingConnection()
            conn.readyRead.connect(self._read)
            if conn.bytesAvailable():
                self._read(conn)

    def _read(self, given: QLocalSocket | None = None) -> None:
        from PySide6.QtNetwork import QLocalSocket

        conn = given or self.sender()
        if not isinstance(conn, QLocalSocket):
            return
        if bytes(conn.readAll().data()).startswith(_MESSAGE.strip()):
            self.activationRequested.emit()
        conn.readyRead.disconnect(self._read)
        conn.abort()
        conn.deleteLater()

    def release(self) -> None:
        if self._server is not None:
            from PySide6.QtNetwork import QLocalSocket

            for conn in self._server.findChildren(QLocalSocket):
                conn.blockSignals(True)  # no Python slot may run while Qt tears these down
                conn.abort()
            self._server.close()
            self._server.deleteLater()
            self._server = None
        self._lock.unlock()
