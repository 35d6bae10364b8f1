"""One `quiver serve` process on a free loopback port, for the server tests.

The server is started with `--port 0` (tests never pick a port themselves, so
parallel CTest runs cannot collide) and the port is read from the one line
it prints on stderr when it is ready. Its stderr is drained by a thread for
the whole run: a server that logs per request would otherwise block on a full
pipe, and the sanitizer check needs every line anyway.
"""

import os
import re
import signal
import subprocess
import sys
import threading

READY_LINE = re.compile(r"quiver serve: listening on http://127\.0\.0\.1:(\d+)/ \((\d+) quads[,)]")
SANITIZER_MARKERS = ("AddressSanitizer", "LeakSanitizer", "runtime error:")


def paths_from_argv(argv):
    """(quiver, source_dir, rest of argv) from `script [QUIVER [SOURCE_DIR]] [...]`.

    Defaults: $QUIVER_BIN, else the release build next to this checkout.
    """
    source_dir = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    quiver = os.environ.get("QUIVER_BIN", os.path.join(source_dir, "build", "src", "cli", "quiver"))
    rest = list(argv[1:])
    if rest and not rest[0].startswith("-"):
        quiver = rest.pop(0)
    if rest and not rest[0].startswith("-"):
        source_dir = rest.pop(0)
    return os.path.abspath(quiver), os.path.abspath(source_dir), rest


def sanitizer_lines(text):
    return [line for line in text.splitlines() if any(marker in line for marker in SANITIZER_MARKERS)]


class Server:
    """`quiver serve --port 0 ARGS...`; start() waits for the ready line."""

    def __init__(self, quiver, args, cwd=None):
        self.command = [quiver, "serve", "--port", "0", *args]
        self.cwd = cwd
        self.proc = None
        self.port = None
        self.quads = None
        self.returncode = None
        self._lines = []
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._reader = None

    def start(self, timeout=30):
        self.proc = subprocess.Popen(self.command, cwd=self.cwd, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     text=True, errors="replace")
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()
        # The reader sets _ready on the ready line and also at EOF, so a
        # server that dies early does not make us wait for the timeout.
        if not self._ready.wait(timeout) or self.port is None:
            self.kill()
            raise RuntimeError("quiver serve did not become ready (%s); stderr:\n%s"
                               % (" ".join(self.command), self.stderr()))
        return self

    def _drain(self):
        for line in self.proc.stderr:
            with self._lock:
                self._lines.append(line)
            match = READY_LINE.search(line)
            if match and self.port is None:
                self.port = int(match.group(1))
                self.quads = int(match.group(2))
                self._ready.set()
        self._ready.set()

    def url(self, path="/"):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def stderr(self):
        with self._lock:
            return "".join(self._lines)

    def running(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self, timeout=15):
        """SIGTERM, wait, and return the exit code; SIGKILL if it hangs.

        Idempotent, so it can be both the graceful stop a test checks and the
        cleanup that runs whatever happened before. A server that had to be
        killed reports -9, which no caller accepts as a clean exit.
        """
        if self.proc is None:
            return None
        if self.returncode is None:
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGTERM)
                try:
                    self.proc.wait(timeout)
                except subprocess.TimeoutExpired:
                    print("quiver serve ignored SIGTERM for %ds; killing it" % timeout, file=sys.stderr)
                    self.kill()
            self.returncode = self.proc.wait()
            self._reader.join(5)
            self.proc.stderr.close()
        return self.returncode

    def kill(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
            self.returncode = -signal.SIGKILL
