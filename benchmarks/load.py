"""Load on `papershelf serve` over loopback: many readers and writers at once, then an audit.

    python benchmarks/load.py                      # 50 clients, 60 s, 100k-paper shelf
    python benchmarks/load.py --clients 20 --seconds 20 --papers 2000

Copies the benchmark shelf (benchmarks/shelf.py) to a scratch directory, starts
`papershelf serve` on it (gunicorn, a worker beside it) on 127.0.0.1, and runs the load
from a separate process: each client signs in as one of the shelf's readers and loops —
80 % reads (home, paper pages, search, type-ahead), 20 % writes (new summaries, edits,
votes, topic tags) — until the time or the request budget is spent. Then it stops the
server and checks the database: every write the server acknowledged (a redirect after
the POST) is there exactly once. Rate limits are switched off for the run: they are
meant to refuse one person writing this fast.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

HOST = "127.0.0.1"  # loopback only: this is a benchmark, not a tool to load other machines
# Enough words that searches seldom repeat (about 1,300 pairs and 8 sentences): the server
# remembers a query's vector, and a handful of queries asked again would time that memory.
WORDS = [
    "attention", "transformer", "pruning", "diffusion", "contrastive", "graph", "vision",
    "reinforcement", "policy", "retrieval", "sparse", "quantization", "distillation", "speech",
    "translation", "segmentation", "detection", "generative", "adversarial", "variational",
    "bayesian", "kernel", "optimizer", "normalization", "dropout", "convolution", "recurrent",
    "memory", "robustness", "fairness", "causal", "federated", "meta", "curriculum",
    "embedding", "tokenizer",
]  # fmt: skip
SENTENCES = [
    "rewind learning rate after pruning", "how do transformers attend to long text",
    "self supervised learning of visual representations", "why does batch norm help training",
    "reward models for language model alignment", "scaling laws for neural language models",
    "denoising diffusion for image synthesis", "graph neural networks over molecules",
]  # fmt: skip
PROSE = (
    "The method trains a small network first and then grows it; the ablation shows that "
    "depth matters more than width at equal compute. Results hold on three datasets"
)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))] if ordered else 0


class Session:
    """One reader's keep-alive connection with its cookies and CSRF token."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection(HOST, port, timeout=30)

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, str, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            form = {**form, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{HOST}:{self.port}/"
        for attempt in (1, 2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                text = response.read().decode("utf-8", "replace")
                break
            except (http.client.HTTPException, ConnectionError):
                self.connection.close()  # a worker recycled: reconnect once
                self.connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
                if attempt == 2 or method == "POST":
                    raise
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";")[0]
        return response.status, response.headers.get("Location", ""), text

    def login(self, username: str, password: str) -> None:
        self.request("GET", "/accounts/login/")
        status, _, _ = self.request(
            "POST", "/accounts/login/", {"username": username, "password": password}
        )
        if status != 302:
            raise RuntimeError(f"login of {username} answered {status}")


def client_loop(
    index: int,
    port: int,
    facts: dict[str, Any],
    seconds: float,
    signed_in: threading.Barrier,
    budget: Any,
    write_share: float,
    results: Any,
) -> None:
    rng = random.Random(index)
    username = facts["readers"][index % len(facts["readers"])]
    session = Session(port)
    session.login(username, facts["password"])
    # The clock starts when every client is signed in: 50 password checks (argon2, on
    # purpose slow) are no part of the steady mix this measures, and running them inside
    # it put ~10 s of queueing at its start.
    signed_in.wait()
    # The wait outlasted the server's keep-alive: start on a fresh connection, or the
    # first POST would meet one the server has closed.
    session.connection.close()
    began = time.time()
    deadline = began + seconds
    papers, summaries = facts["paper_ids"], facts["summaries"]
    own: list[int] = []  # summaries this client wrote during the run
    latencies: list[tuple[str, float, int]] = []
    acknowledged: list[dict[str, Any]] = []
    errors: Counter[str] = Counter()
    while time.time() < deadline:
        with budget.get_lock():
            if budget.value <= 0:
                break
            budget.value -= 1
        write = rng.random() < write_share
        started = time.perf_counter()
        try:
            kind, status, note = (_write if write else _read)(
                session, rng, papers, summaries, own, username
            )
        except Exception as exc:  # a dropped connection, a timeout
            kind, status, note = ("write" if write else "read"), 0, {"error": type(exc).__name__}
            session = Session(port)
            session.login(username, facts["password"])
        elapsed = (time.perf_counter() - started) * 1000
        latencies.append((kind, elapsed, status))
        if status >= 400 or status == 0:
            errors[f"{kind} {status}"] += 1
        elif note:
            acknowledged.append(note)
    results.put(
        {
            "latencies": latencies,
            "acknowledged": acknowledged,
            "errors": dict(errors),
            "window": [began, time.time()],
        }
    )


def _read(
    session: Session,
    rng: random.Random,
    papers: list[int],
    summaries: list[int],
    own: list[int],
    username: str,
) -> tuple[str, int, dict[str, Any] | None]:
    roll = rng.random()
    if roll < 0.2:
        path = rng.choice(["/", "/?tab=best", "/?tab=popular"])
    elif roll < 0.55:
        path = f"/papers/{rng.choice(papers)}/"
    elif roll < 0.8:
        query = rng.choice([f"{rng.choice(WORDS)} {rng.choice(WORDS)}", rng.choice(SENTENCES)])
        path = "/search?" + urllib.parse.urlencode({"q": query})
    else:
        path = "/search/suggest.json?q=" + rng.choice(WORDS)[: rng.randrange(2, 6)]
    status, _, _ = session.request("GET", path)
    return "read " + path.split("?")[0].split("/")[1], status, None


def _write(
    session: Session,
    rng: random.Random,
    papers: list[int],
    summaries: list[int],
    own: list[int],
    username: str,
) -> tuple[str, int, dict[str, Any] | None]:
    marker = f"load-{username}-{time.time_ns()}-{rng.randrange(10**9)}"
    text = " ".join(rng.choice(PROSE.split()) for _ in range(40)) + f"\n\nMarker {marker}."
    roll = rng.random()
    if roll < 0.35 or (roll < 0.6 and not own):
        paper = rng.choice(papers)
        status, location, _ = session.request(
            "POST", f"/papers/{paper}/summaries/new", {"body": text, "visibility": "public"}
        )
        match = re.search(r"/summaries/(\d+)/", location)
        if status == 302 and match and "/edit" not in location:
            own.append(int(match.group(1)))
            return "write summary", status, {"kind": "summary", "marker": marker, "paper": paper}
        return "write summary", status, None  # already had one: sent to edit it instead
    if roll < 0.6:
        pk = rng.choice(own)
        status, _, _ = session.request(
            "POST", f"/summaries/{pk}/edit", {"body": text, "visibility": "public"}
        )
        note = {"kind": "edit", "marker": marker, "summary": pk}
        return "write edit", status, note if status == 302 else None
    if roll < 0.9:
        # The shelf's summaries were written by reader i % 50 in order: not one's own.
        mine = int(username.removeprefix("bench")) % 50
        first = min(summaries)
        pk = rng.choice([pk for pk in summaries if (pk - first) % 50 != mine])
        value = rng.choice(["1", "-1"])
        status, _, _ = session.request("POST", f"/summaries/{pk}/vote", {"value": value})
        note = {"kind": "vote", "user": username, "summary": pk, "value": int(value)}
        return "write vote", status, note if status == 302 else None
    if not own:
        return "write tag", 302, None
    # Tag a paper this reader summarised (contributors may change a paper's topics).
    pk = rng.choice(own)
    status, _, page = session.request("GET", f"/summaries/{pk}/")
    match = re.search(r'href="/papers/(\d+)/', page)
    if not match:
        return "write tag", status, None
    paper = int(match.group(1))
    topic = rng.randrange(1, 15)
    status, _, _ = session.request("POST", f"/papers/{paper}/topics", {"topic": str(topic)})
    note = {"kind": "tag", "paper": paper, "topic": topic}
    return "write tag", status, note if status == 302 else None


def run_load(
    window_open: Any,
    port: int,
    facts: dict[str, Any],
    clients: int,
    seconds: float,
    max_requests: int,
    write_share: float,
) -> list[dict[str, Any]]:
    """The load generator: its own process, one thread per client."""
    budget = multiprocessing.Value("i", max_requests)
    results: Any = multiprocessing.Queue()
    signed_in = threading.Barrier(clients, action=window_open.set)
    threads = [
        threading.Thread(
            target=client_loop,
            args=(i, port, facts, seconds, signed_in, budget, write_share, results),
        )
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [results.get() for _ in threads]


def _generator(
    window_open: Any, port: int, facts: dict[str, Any], args: argparse.Namespace, out: str
) -> None:
    results = run_load(
        window_open, port, facts, args.clients, args.seconds, args.max_requests, args.writes
    )
    Path(out).write_text(json.dumps(results))


def start_server(
    home: str, port: int, workers: int, server: str = "gunicorn"
) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PAPERSHELF_HOME": home, "PAPERSHELF_RATE_LIMITS": "0"}
    command = [
        sys.executable,
        "-m",
        "papershelf",
        "serve",
        "--host",
        HOST,
        "--port",
        str(port),
        "--server",
        server,
        "--workers",
        str(workers),
    ]
    process = subprocess.Popen(command, env=env, start_new_session=True)  # noqa: S603
    for _ in range(600):
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/readyz")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            pass
        if process.poll() is not None:
            raise RuntimeError("the server stopped while starting")
        time.sleep(0.5)
    raise RuntimeError("the server did not become ready")


def group_cpu_seconds(group: int) -> Counter[str]:
    """CPU time (user + system) used so far by the live processes of a process group,
    by role: the background worker ("worker") and the web processes ("web").

    What the server spends per request, whatever else the machine runs meanwhile: a
    busy machine stretches latencies but not this.
    """
    ticks = os.sysconf("SC_CLK_TCK")
    total: Counter[str] = Counter()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue  # ended meanwhile
        if int(fields[2]) == group:  # pgrp
            role = "worker" if b"worker" in command else "web"
            total[role] += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def stop(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    """Stop the server and its worker (a process group of their own)."""
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        return
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def audit(acknowledged: list[dict[str, Any]]) -> dict[str, int]:
    """Every acknowledged write is in the database exactly once (lost / duplicated)."""
    from papershelf.summaries.models import Revision
    from papershelf.topics.models import Topic
    from papershelf.votes.models import Vote

    lost = duplicated = 0
    last_vote: dict[tuple[str, int], int] = {}
    for note in acknowledged:
        if note["kind"] == "summary":
            # Its first revision keeps the text it was made with, whatever edits came after.
            found = Revision.objects.filter(body__contains=note["marker"], number=1).count()
        elif note["kind"] == "edit":
            found = Revision.objects.filter(body__contains=note["marker"]).count()
        elif note["kind"] == "tag":
            found = Topic.papers.through.objects.filter(
                paper_id=note["paper"], topic_id=note["topic"]
            ).count()
        else:
            last_vote[(note["user"], note["summary"])] = note["value"]
            continue
        lost += found == 0
        duplicated += found > 1
    for (user, summary), value in last_vote.items():
        votes = list(
            Vote.objects.filter(voter__username=user, summary_id=summary).values_list(
                "value", flat=True
            )
        )
        lost += votes != [value]
        duplicated += len(votes) > 1
    return {"lost": lost, "duplicated": duplicated}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--shelf", default="/tmp/papershelf-100k")  # noqa: S108  (a bench)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=60_000)
    parser.add_argument("--writes", type=float, default=0.2, help="share of writes")
    parser.add_argument("--workers", type=int, default=0, help="web processes (0: serve's default)")
    parser.add_argument("--server", default="gunicorn", choices=["gunicorn", "waitress"])
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()

    import shelf

    facts = shelf.build(args.shelf, args.papers)  # (also migrates the original)
    home = args.shelf.rstrip("/") + "-load"
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(args.shelf, home, symlinks=True)
    from papershelf.ops.server import default_workers

    workers = args.workers or default_workers()
    server = start_server(home, args.port, workers, args.server)
    out = f"{home}/load-results.json"
    try:
        context = multiprocessing.get_context("spawn")
        window_open = context.Event()
        generator = context.Process(
            target=_generator, args=(window_open, args.port, facts, args, out)
        )
        generator.start()
        window_open.wait(args.seconds + 300)
        cpu_before = group_cpu_seconds(server.pid)
        generator.join(args.seconds + 300)
        cpu_by_role = group_cpu_seconds(server.pid)
        cpu_by_role.subtract(cpu_before)
        cpu = sum(cpu_by_role.values())
        if generator.is_alive():
            generator.kill()
            raise SystemExit("the load generator did not finish in time")
    finally:
        stop(server)
    results = json.loads(Path(out).read_text())
    latencies = [entry for result in results for entry in result["latencies"]]
    acknowledged = [note for result in results for note in result["acknowledged"]]
    errors: Counter[str] = Counter()
    for result in results:
        errors.update(result["errors"])
    times = [ms for _, ms, _ in latencies]
    # From the first client's start (all were signed in) to the last one's last answer.
    span = max(r["window"][1] for r in results) - min(r["window"][0] for r in results)
    shape = (
        f"{workers} processes × 4 threads" if args.server == "gunicorn" else "1 process × 4 threads"
    )
    print(
        f"\n{args.server}, {shape}; {args.clients} clients for {args.seconds:.0f} s "
        f"on {facts['papers']:,} papers ({args.writes:.0%} writes)"
    )
    print(f"requests: {len(times):,}  throughput: {len(times) / span:.1f} req/s")
    per_request = 1000 * cpu / max(len(times), 1)
    print(
        f"server CPU (web processes and worker): {cpu:.1f} s, {per_request:.1f} ms a request "
        f"— at most {os.cpu_count() or 1} cores × 1000 / that = "
        f"{(os.cpu_count() or 1) * 1000 / max(per_request, 1e-9):.0f} req/s on this machine"
    )
    print(
        "  of which web processes {:.1f} s, background worker {:.1f} s".format(
            cpu_by_role["web"], cpu_by_role["worker"]
        )
    )
    print(
        f"latency: p50 {percentile(times, 50):.1f} ms  p99 {percentile(times, 99):.1f} ms  "
        f"max {max(times, default=0):.0f} ms"
    )
    by_kind: dict[str, list[float]] = {}
    for kind, ms, _ in latencies:
        by_kind.setdefault(kind, []).append(ms)
    print("\n| request | n | p50 | p99 |\n|---|---:|---:|---:|")
    for kind, values in sorted(by_kind.items()):
        p50, p99 = percentile(values, 50), percentile(values, 99)
        print(f"| {kind} | {len(values)} | {p50:.1f} | {p99:.1f} |")
    print(f"\nerrors by status: {dict(errors) or 'none'}")
    os.environ["PAPERSHELF_HOME"] = home  # the audit reads the copy the server wrote
    from django.db import connections

    connections.close_all()
    connections["default"].settings_dict["NAME"] = f"{home}/papershelf.sqlite3"
    result = audit(acknowledged)
    print(
        f"acknowledged writes: {len(acknowledged):,}; lost: {result['lost']}; "
        f"duplicated: {result['duplicated']}"
    )
    failed = errors or result["lost"] or result["duplicated"]
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
