"""Throughput of search and article pages while Elasticsearch is frozen (SIGSTOP).

    .venv/bin/python bench/frozen_engine.py [--duration 15] [--connections 10] [--sequential 10]

Builds the demo site in a throwaway SQLite file, starts a PRIVATE Elasticsearch node
(tests.private_elasticsearch: var/elasticsearch-private, port 9260; never the shared node)
and a private Redis (the shared cache the breaker keeps its state in, as in production),
then runs gunicorn with 2 sync workers and, in each scenario, two wrk at the same time: one
on the search page (each request a different address, so the page cache cannot answer
it), one on an article page (readers do both at once; a search stuck on the
engine holds the worker an article request waits for):

    live          the node answers
    frozen        the node SIGSTOPped, the breaker off (ELASTICSEARCH_BREAKER_FAILURES huge):
                  what the site did before the breaker
    frozen+breaker the node SIGSTOPped, the breaker on (3 failures, 30 s cool-down)

Prints requests/s, mean and p99 latency, and errors/timeouts per page per scenario, then
the time of searches made one after the other once wrk is done (with the breaker open:
the database's answer, no wait on the node). The
node is always resumed (SIGCONT) and everything this script started is stopped at the end.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import private_elasticsearch as node  # noqa: E402
from tests.gunicorn_server import free_port, gunicorn  # noqa: E402

PYTHON = sys.executable
SEARCH = "/tim-kiem/?q=gi%C3%A1m+s%C3%A1t"


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


@contextmanager
def redis_server():
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        time.sleep(0.5)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def article_url(env: dict[str, str]) -> str:
    code = (
        "import django; django.setup(); from news.models import NewsArticlePage;"
        "print(NewsArticlePage.objects.live().public().first().url)"
    )
    result = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    return result.stdout.strip().splitlines()[-1]


# Every search a different address (an ignored parameter), as when many readers search
# for different things: the page cache cannot answer them, the engine or the database must.
DISTINCT_SEARCHES = """
request = function()
  return wrk.format(nil, wrk.path .. "&reader=" .. math.random(1, 1000000000))
end
"""


def wrk(url: str, duration: int, connections: int, distinct: bool = False) -> subprocess.Popen[str]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    if distinct:
        script = Path(tempfile.gettempdir()) / "hdnd-distinct-searches.lua"
        script.write_text(DISTINCT_SEARCHES)
        command += ["-s", str(script)]
    return subprocess.Popen([*command, url], stdout=subprocess.PIPE, text=True)


def summary(output: str) -> str:
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    mean = re.search(r"Latency\s+([\d.]+\w+)", output)
    p99 = re.search(r"99%\s+([\d.]+\w+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return (
        f"{float(rps.group(1)) if rps else 0:8.1f} req/s  mean {mean.group(1) if mean else '-':>8}"
        f"  p99 {p99.group(1) if p99 else '-':>8}"
        f"  errors: {errors.group(1) if errors else 'none'}"
        f"{f', non-2xx {non2xx.group(1)}' if non2xx else ''}"
    )


def one_at_a_time(url: str, count: int) -> str:
    """Median and max of `count` requests made one after the other (nothing else running)."""
    times = []
    for number in range(count):
        started = time.monotonic()
        urllib.request.urlopen(f"{url}&reader=one-{number}", timeout=30).read()  # uncached
        times.append((time.monotonic() - started) * 1000)
    times.sort()
    return f"median {times[len(times) // 2]:7.1f} ms  max {times[-1]:7.1f} ms"


def scenario(name: str, base: str, article: str, args: argparse.Namespace) -> None:
    search = wrk(base + SEARCH, args.duration, args.connections, distinct=True)
    page = wrk(base + article, args.duration, args.connections)
    search_out, _ = search.communicate()
    page_out, _ = page.communicate()
    print(f"{name:16} search  {summary(search_out)}")
    print(f"{'':16} article {summary(page_out)}")
    print(f"{'':16} search, one at a time: {one_at_a_time(base + SEARCH, args.sequential)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=10, help="per wrk (two run at once)")
    parser.add_argument("--sequential", type=int, default=10, help="searches timed one by one")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed (apt-get install wrk)")

    workdir = Path(tempfile.mkdtemp(prefix="hdnd-frozen-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "ELASTICSEARCH_INDEX_PREFIX": "bench-frozen",
        "ELASTICSEARCH_TIMEOUT": "2",
        "LOG_LEVEL": "ERROR",
    }
    env.pop("ELASTICSEARCH_URL", None)
    print("building the demo site …", file=sys.stderr)
    manage(env, "migrate", "--noinput")
    manage(env, "seed_demo")
    article = article_url(env)
    with ExitStack() as stack:
        print("starting a private Elasticsearch node and Redis …", file=sys.stderr)
        url = stack.enter_context(node.private_node())
        env["ELASTICSEARCH_URL"] = url
        env["CACHE_URL"] = stack.enter_context(redis_server())
        manage(env, "search_index", "rebuild")
        stack.callback(node.resume)
        print(
            f"gunicorn 2 sync workers; wrk -t2 -c{args.connections} -d{args.duration}s on the "
            f"search page ({SEARCH}) and on an article ({article}) at the same time; "
            f"ELASTICSEARCH_TIMEOUT=2"
        )
        with gunicorn(env, free_port(), timeout=60) as base:
            scenario("live", base, article, args)
        no_breaker = {**env, "ELASTICSEARCH_BREAKER_FAILURES": "1000000000"}
        with gunicorn(no_breaker, free_port(), timeout=60) as base:
            node.freeze()
            scenario("frozen", base, article, args)
            node.resume()
        with gunicorn(
            {**env, "ELASTICSEARCH_BREAKER_COOLDOWN": "30"}, free_port(), timeout=60
        ) as base:
            node.freeze()
            scenario("frozen+breaker", base, article, args)
            node.resume()
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
