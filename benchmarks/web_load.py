"""The web page under load: ten users conforming seed 003 at once (issue 14).

    python benchmarks/web_load.py [--users 10] [--requests 5]

Starts ``conformed serve`` on a free port of 127.0.0.1 (and only there), then:

- *alone*: one user conforms seed 003 with its base ``--requests`` times; the median
  latency is the work of one request.
- *N users*: ``--users`` threads each conform it ``--requests`` times at once; requests
  per second, and the median and 95th-percentile latency.
- *a page during the load*: the form page fetched while the users work; its latency
  shows whether the work stays off the event loop.

Every loop is bounded in count and in time (at most ``--max-seconds``), and the server
is stopped at the end.  Prints one table.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "corpus" / "bases" / "xxxxx_termination_benefits_1997.txt"
SEED = ROOT / "corpus" / "amendments" / "003_xxxxx_termination_benefits_amendment_1.txt"
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def start(port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [sys.executable, "-m", "conformed", "serve", "--host", HOST, "--port", str(port)],
        stderr=subprocess.DEVNULL,
    )
    for _ in range(200):
        try:
            httpx.get(f"http://{HOST}:{port}/conform", timeout=1)
            return server
        except httpx.TransportError:
            time.sleep(0.05)
    server.kill()
    raise SystemExit("the server did not start")


def conform(client: httpx.Client) -> float:
    files = [
        ("base", (BASE.name, BASE.read_bytes())),
        ("amendments", (SEED.name, SEED.read_bytes())),
    ]
    start = time.perf_counter()
    page = client.post("/conform", files=files)
    if page.status_code != 200 or "every item applied" not in page.text:
        raise SystemExit(f"a request failed: {page.status_code}")
    return time.perf_counter() - start


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", type=int, default=10)
    ap.add_argument("--requests", type=int, default=5, help="per user")
    ap.add_argument("--max-seconds", type=float, default=300)
    args = ap.parse_args()
    port = free_port()
    server = start(port)
    url = f"http://{HOST}:{port}"
    deadline = time.monotonic() + args.max_seconds
    try:
        with httpx.Client(base_url=url, timeout=120) as client:
            conform(client)  # the first request starts the worker's fork server
            alone = [conform(client) for _ in range(args.requests)]
        latencies: list[float] = []
        pages: list[float] = []
        lock = threading.Lock()

        def user() -> None:
            with httpx.Client(base_url=url, timeout=120) as client:
                for _ in range(args.requests):
                    if time.monotonic() > deadline:
                        return
                    took = conform(client)
                    with lock:
                        latencies.append(took)

        users = [threading.Thread(target=user) for _ in range(args.users)]
        began = time.perf_counter()
        for t in users:
            t.start()
        with httpx.Client(base_url=url, timeout=120) as client:
            while any(t.is_alive() for t in users) and time.monotonic() < deadline:
                start_page = time.perf_counter()
                client.get("/conform")
                pages.append(time.perf_counter() - start_page)
                time.sleep(0.2)
        for t in users:
            t.join()
        wall = time.perf_counter() - began
    finally:
        server.terminate()
        server.wait(10)
    one = statistics.median(alone)
    print(f"conformed serve on {HOST}, seed 003 with its base ({args.requests} requests a user)")
    print()
    print("| load | requests | requests/s | median s | p95 s |")
    print("|---|---:|---:|---:|---:|")
    print(f"| 1 user, alone | {len(alone)} | {1 / one:.2f} | {one:.2f} | {p95(alone):.2f} |")
    print(f"| {args.users} users at once | {len(latencies)} | {len(latencies) / wall:.2f} | "
          f"{statistics.median(latencies):.2f} | {p95(latencies):.2f} |")  # fmt: skip
    print(f"| the form page during the load | {len(pages)} | | "
          f"{statistics.median(pages):.3f} | {p95(pages):.3f} |")  # fmt: skip


if __name__ == "__main__":
    main()
