#!/usr/bin/env python3
"""A bounded load loop against one `quiver serve`, meant for the ASan build.

Usage: load_loop.py [QUIVER [SOURCE_DIR]]

Sends 200 mixed requests (good SELECTs, ASKs and CONSTRUCTs, malformed
queries, unsatisfiable Accept headers, Graph Store reads, a missing graph)
from 32 threads at once, checks each status and body, then stops the server
with SIGTERM and checks it exits 0 with no sanitizer report on stderr. The
caller sets ASAN_OPTIONS (e.g. detect_leaks=1) for the server to inherit.
Standard library only, so it runs wherever the server builds.
"""

import concurrent.futures
import http.client
import os
import random
import sys
import time
from urllib.parse import quote, urlencode

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from serve_process import Server, paths_from_argv, sanitizer_lines

REQUESTS = 200
WORKERS = 32
GRAPH = "https://quiver.example/article/graph/"


def query_text(root, name):
    with open(os.path.join(root, "queries", name + ".rq"), encoding="utf-8") as f:
        return f.read()


def request_kinds(root):
    """(name, method, path, headers, body, expected status) for each kind of request."""
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    direct = {"Content-Type": "application/sparql-query"}

    def get(query, **headers):
        return "GET", "/sparql?" + urlencode({"query": query}), headers, None

    return [
        ("select", *get(query_text(root, "05-claims")), 200),
        ("select-xml", "POST", "/sparql", {**form, "Accept": "application/sparql-results+xml"},
         urlencode({"query": query_text(root, "13-entities-per-class")}), 200),
        ("select-csv", *get(query_text(root, "15-quantities"), Accept="text/csv"), 200),
        ("ask", "POST", "/query", direct, query_text(root, "11-no-tva-contract"), 200),
        ("construct", *get(query_text(root, "14-construct-supercluster"), Accept="application/n-triples"), 200),
        ("malformed", *get("SELECT * WHERE { ?s ?p }"), 400),
        ("malformed-post", "POST", "/sparql", direct, "ASK { ?s ?p ?o ", 400),
        ("missing-query", "GET", "/sparql", {}, None, 400),
        ("not-acceptable", *get(query_text(root, "01-musk-companies"), Accept="image/png"), 406),
        ("store-default", "GET", "/store?default", {"Accept": "application/n-triples"}, None, 200),
        ("store-graph", "GET", "/store?graph=" + quote(GRAPH + "P3S2", safe=""), {}, None, 200),
        ("store-missing", "GET", "/store?graph=" + quote(GRAPH + "NoSuchSentence", safe=""), {}, None, 404),
    ]


def send(port, method, path, headers, body):
    """One request on a fresh connection: (status, body), or (None, error text)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body.encode() if body is not None else None, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    except (OSError, http.client.HTTPException) as error:
        return None, repr(error).encode()
    finally:
        connection.close()


def main():
    quiver, root, _ = paths_from_argv(sys.argv)
    kinds = request_kinds(root)
    # A fixed seed: the same interleaving of kinds on every run, so a failure
    # can be reproduced, while neighbours in the queue still differ in kind.
    plan = [kinds[i % len(kinds)] for i in range(REQUESTS)]
    random.Random(20241130).shuffle(plan)

    # --max-concurrent above the number of workers: no request may be turned
    # away as busy, so every status is known in advance.
    server = Server(quiver, ["--data", os.path.join(root, "data", "article.trig"),
                             "--max-concurrent", str(2 * WORKERS)])
    failures = []
    as_expected, seconds = 0, 0.0
    try:
        server.start()
        # Answers given one at a time are the reference for the same requests
        # under load: a concurrent answer must be byte-identical.
        reference = {}
        for name, method, path, headers, body, expected in kinds:
            status, content = send(server.port, method, path, headers, body)
            if status != expected:
                failures.append("%s alone: expected %d, got %s %r" % (name, expected, status, content[:200]))
            reference[name] = content

        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
            futures = {pool.submit(send, server.port, method, path, headers, body): (name, expected)
                       for name, method, path, headers, body, expected in plan}
            for future in concurrent.futures.as_completed(futures):
                name, expected = futures[future]
                status, content = future.result()
                if status != expected:
                    failures.append("%s: expected %d, got %s %r" % (name, expected, status, content[:200]))
                elif content != reference[name]:
                    failures.append("%s: %d as expected but the body differs from the one-at-a-time answer: %r"
                                    % (name, status, content[:200]))
                else:
                    as_expected += 1
        seconds = time.monotonic() - started
        if not server.running():
            failures.append("the server died during the load loop")
    except RuntimeError as error:  # it never became ready
        failures.append(str(error))
    finally:
        code = server.stop()

    reports = sanitizer_lines(server.stderr())
    if code != 0:
        failures.append("server exit code %s after SIGTERM" % code)
    if reports:
        failures.append("sanitizer report on the server's stderr")
    if code != 0 or reports:
        print(server.stderr(), file=sys.stderr)
    for failure in failures[:20]:
        print("FAIL " + failure)
    print("load loop: %d requests, %d as expected (%d workers, %.1f s); server exit %s, %s"
          % (REQUESTS, as_expected, WORKERS, seconds, code,
             "sanitizer report: %d lines" % len(reports) if reports else "no sanitizer report"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
