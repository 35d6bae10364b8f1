#!/usr/bin/env python3
"""`quiver serve` under a bounded hostile load (issue 16's acceptance).

Usage: hostile_load.py [QUIVER [SOURCE_DIR]] [--seconds N] [--no-rss-bound]

One server on the article graph with stated limits. For N seconds (default
20) hostile clients run side by side: slowloris (headers a byte at a time),
bodies announced and never sent, huge headers, oversized bodies (with a
length and chunked), connection floods past --max-connections, queries
that never end (cut by --timeout), and 1,000 queries in a row on one
connection after another. Throughout, a probe asks a normal query every
0.2 s: each answer must come within a second. The server's RSS is sampled
from /proc and must stay under the stated bound:

    RSS after load + 2 x --max-request-bytes (the bodies held at once)
    + 64 MiB (answers being made and written, thread stacks, allocator)

Then SIGTERM: the server must exit 0 within 15 s. Prints the figures.
With --no-rss-bound (the sanitizer builds, whose allocator keeps freed
memory in quarantine and maps shadow memory) RSS is reported, not checked.
Standard library only.
"""

import http.client
import os
import socket
import sys
import threading
import time
from urllib.parse import urlencode

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from serve_process import Server, paths_from_argv, sanitizer_lines

MAX_REQUEST_BYTES = 1 << 20
MAX_CONNECTIONS = 64
CLIENT_TIMEOUT = 2
QUERY_TIMEOUT = 2
SLACK_BYTES = 64 << 20
NEVER_ENDING = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def rss_bytes(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def connect(port):
    return socket.create_connection(("127.0.0.1", port), timeout=10)


def drain(conn):
    try:
        while conn.recv(65536):
            pass
    except OSError:
        pass


def query(port, text, timeout=30):
    """(status, seconds) of one GET query on a fresh connection; status None on failure."""
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", "/sparql?" + urlencode({"query": text}))
        response = conn.getresponse()
        response.read()
        return response.status, time.monotonic() - started
    except (OSError, http.client.HTTPException):
        return None, time.monotonic() - started
    finally:
        conn.close()


class Load:
    def __init__(self, port, seconds):
        self.port = port
        self.until = time.monotonic() + seconds
        self.counts = {}
        self.lock = threading.Lock()

    def running(self):
        return time.monotonic() < self.until

    def count(self, name):
        with self.lock:
            self.counts[name] = self.counts.get(name, 0) + 1

    def slowloris(self):
        while self.running():
            try:
                with connect(self.port) as conn:
                    conn.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\n")
                    while self.running():
                        conn.sendall(b"X")
                        time.sleep(0.5)
            except OSError:
                self.count("slowloris cut off")

    def unsent_body(self):
        while self.running():
            try:
                with connect(self.port) as conn:
                    conn.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                 b"Content-Type: application/sparql-query\r\nContent-Length: 1000\r\n\r\nASK")
                    drain(conn)
                    self.count("unsent body")
            except OSError:
                pass

    def huge_header(self):
        while self.running():
            try:
                with connect(self.port) as conn:
                    conn.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: " + b"a" * (1 << 20) + b"\r\n\r\n")
                    drain(conn)
                    self.count("huge header")
            except OSError:
                pass

    def oversized_bodies(self):
        body = b"#" * (3 * MAX_REQUEST_BYTES)
        while self.running():
            for chunked in (False, True):
                try:
                    with connect(self.port) as conn:
                        head = (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                b"Content-Type: application/sparql-query\r\n")
                        if chunked:
                            conn.sendall(head + b"Transfer-Encoding: chunked\r\n\r\n")
                            for i in range(0, len(body), 65536):
                                piece = body[i:i + 65536]
                                conn.sendall(b"%x\r\n" % len(piece) + piece + b"\r\n")
                            conn.sendall(b"0\r\n\r\n")
                        else:
                            conn.sendall(head + b"Content-Length: %d\r\n\r\n" % len(body) + body)
                        drain(conn)
                        self.count("oversized body")
                except OSError:
                    self.count("oversized body")

    def flood(self):
        while self.running():
            conns = []
            try:
                for _ in range(2 * MAX_CONNECTIONS):
                    conns.append(connect(self.port))
            except OSError:
                pass
            time.sleep(0.5)
            for conn in conns:
                conn.close()
            self.count("flood")

    def never_ending(self):
        while self.running():
            query(self.port, NEVER_ENDING)
            self.count("never-ending query")

    def many_queries(self):
        for _ in range(1000):
            status, _ = query(self.port, "ASK { ?s ?p ?o }")
            self.count("query in a row: %s" % status)


def main():
    quiver, root, rest = paths_from_argv(sys.argv)
    seconds = float(rest[rest.index("--seconds") + 1]) if "--seconds" in rest else 20.0
    server = Server(quiver, ["--data", os.path.join(root, "data", "article.trig"),
                             "--max-request-bytes", str(MAX_REQUEST_BYTES),
                             "--max-connections", str(MAX_CONNECTIONS),
                             "--client-timeout", str(CLIENT_TIMEOUT),
                             "--timeout", str(QUERY_TIMEOUT), "--max-concurrent", "4",
                             "--threads", "6"]).start()
    failures = []
    try:
        pid = server.proc.pid
        base = rss_bytes(pid)
        bound = base + 2 * MAX_REQUEST_BYTES + SLACK_BYTES
        load = Load(server.port, seconds)
        workers = [load.slowloris] * 8 + [load.unsent_body] * 4 + [load.huge_header] * 2 + \
                  [load.oversized_bodies] * 2 + [load.flood] + [load.never_ending] * 2 + [load.many_queries]
        threads = [threading.Thread(target=w, daemon=True) for w in workers]
        for t in threads:
            t.start()
        peak, slowest, probes = base, 0.0, 0
        while load.running():
            status, seconds_taken = query(server.port, "ASK { ?s ?p ?o }", timeout=5)
            probes += 1
            slowest = max(slowest, seconds_taken)
            if status != 200:
                failures.append("probe answered %s after %.2f s" % (status, seconds_taken))
            elif seconds_taken > 1.0:
                failures.append("probe took %.2f s" % seconds_taken)
            peak = max(peak, rss_bytes(pid))
            time.sleep(0.2)
        for t in threads:
            t.join(30)
        peak = max(peak, rss_bytes(pid))
        print("hostile load: %.0f s, %d probes, slowest %.3f s; RSS %.1f MiB after load, peak %.1f MiB, "
              "bound %.1f MiB" % (seconds, probes, slowest, base / 2**20, peak / 2**20, bound / 2**20))
        for name, n in sorted(load.counts.items()):
            print("  %-28s %d" % (name, n))
        if peak > bound and "--no-rss-bound" not in rest:
            failures.append("RSS peaked at %.1f MiB, over the bound of %.1f MiB" % (peak / 2**20, bound / 2**20))
        if load.counts.get("query in a row: 200", 0) + load.counts.get("query in a row: 503", 0) < 1000:
            failures.append("some of the 1,000 queries in a row failed: %r" % load.counts)
    finally:
        started = time.monotonic()
        code = server.stop()
        stop_seconds = time.monotonic() - started
    print("SIGTERM: exit %s in %.2f s" % (code, stop_seconds))
    if code != 0:
        failures.append("exit code %s after SIGTERM" % code)
    failures += sanitizer_lines(server.stderr())
    for f in failures[:20]:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
