"""Save to screen (issue 27): from a Save until the database the dashboard reads shows it, beside a full build, at 1x/100x/1000x.

A Save is what the studio runs: `python -m etl build --no-images` on the corpus with one
change (the static images of changed charts follow in a background pass, off the clock), in a
new process ("new process", as before issue 27's warm build) and, where the code has it, in a
fork of the warm build process the studio keeps (etl.warm: "warm"; its start-up is not timed,
the studio starts it when it opens).
The clock stops when a fresh read-only connection to the database finds the change. Run by
hand, never imported.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

from bench.synthetic import make_corpus, snapshot  # noqa: E402

CHANGED_FILE = "curated/articles/ppp-2018-02-14-mixed-results.yaml"
CHANGED_ID = "ppp-2018-02-14-sar-kheng-prison-alternatives"
STANCES = ("critical", "mixed")

# Written for the benchmark in our own words: one sentence that attributes words, no digits.
ARTICLE = (
    "Night patrols in {place}\n\n"
    "Police officers in {place} walked through the night market on Friday evening. "
    "Shop owners welcomed the patrols in {place}, a market vendor said.\n"
)
SOURCE = """\
- source_id: {sid}
  seed_file: {seed_file}
  outlet: The Bench Courier
  reporter: null
  title: Night patrols in {place}
  url: https://example.org/bench/{sid}
  published_on: 2019-05-03
  date_precision: day
  date_basis: given when the benchmark wrote the article
"""
RECORDS = """\
statements:
- statement_id: {sid}-vendor
  actor_id: sar-kheng
  source_id: {sid}
  quote: Shop owners welcomed the patrols in {place}, a market vendor said.
  kind: reported
  topic: campaign
  stance: supportive
"""


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident memory (MB) of one subprocess. On a shared
    machine the CPU seconds say more: the wall clock includes waiting for a core."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.stderr.write((proc.stderr.read() if proc.stderr else b"").decode()[-3000:])
        raise SystemExit(f"exit status {proc.returncode}: {' '.join(cmd)}")
    cpu = usage.ru_utime + usage.ru_stime
    return took, cpu, usage.ru_maxrss / 1024  # Linux reports kilobytes


def build_cmd(seeds: Path, db: Path) -> list[str]:
    # A changed published record needs a reason (etl.reasons), as the studio's Save gives.
    return [sys.executable, "-m", "etl", "--seeds", str(seeds), "build", "--no-images"] + [
        *("--db", str(db), "--reason", "a benchmark's save"),
    ]


def shows(db: Path, sql: str, params: list[object]) -> bool:
    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute(sql, params).fetchone()
    finally:
        con.close()
    return bool(row and row[0])


def change_record(seeds: Path, n: int) -> tuple[str, list[object]]:
    """Flip one statement's stance; the query that finds the flipped value."""
    path = seeds / CHANGED_FILE
    text = path.read_text(encoding="utf-8")
    old, new = STANCES[n % 2], STANCES[(n + 1) % 2]
    at = text.index(f"statement_id: {CHANGED_ID}")
    cut = text.index(f"stance: {old}", at)
    path.write_text(text[:cut] + f"stance: {new}" + text[cut + len(f"stance: {old}") :], "utf-8")
    sql = "SELECT count(*) FROM statements WHERE statement_id = ? AND stance = ?"
    return sql, [CHANGED_ID, new]


def add_article(seeds: Path, n: int) -> tuple[str, list[object]]:
    """One new article with its source and one statement, as the studio leaves them."""
    # Letters, not digits: a digit would make a sentence that needs coding.
    place = f"Bench Town {chr(ord('A') + n // 26 % 26)}{chr(ord('a') + n % 26)}"
    sid = f"bench-night-patrols-{n}"
    seed_file = f"9{n:03d}_bench_night_patrols.txt"
    (seeds / "articles" / seed_file).write_text(ARTICLE.format(place=place), encoding="utf-8")
    sources = seeds / "curated" / "sources.yaml"
    block = SOURCE.format(sid=sid, seed_file=seed_file, place=place)
    sources.write_text(sources.read_text(encoding="utf-8") + block, encoding="utf-8")
    (seeds / "curated" / "articles" / f"{sid}.yaml").write_text(
        RECORDS.format(sid=sid, place=place), encoding="utf-8"
    )
    return "SELECT count(*) FROM sources WHERE source_id = ?", [sid]


#: The codebook Save: one actor added, another renamed (etl.codebook: what reads an actor).
RENAMED = ("sar-kheng", "Sar Kheng", "Samdech Sar Kheng")
ACTOR = """\
- actor_id: {aid}
  name: Bench Official {place}
  aliases: []
  kind: person
  role: Deputy Governor
  organisation: The Bench Province
  actor_type: government
"""


def change_codebook(seeds: Path, n: int) -> tuple[str, list[object]]:
    """One actor added to the codebook and one renamed (back and forth), in one Save."""
    path = seeds / "curated" / "actors.yaml"
    text = path.read_text(encoding="utf-8")
    aid, (actor, *names) = f"bench-official-{n}", RENAMED
    now = next(name for name in names if f"actor_id: {actor}\n  name: {name}\n" in text)
    name = names[1 - names.index(now)]
    old = f"actor_id: {actor}\n  name: {now}\n"
    text = text.replace(old, f"actor_id: {actor}\n  name: {name}\n", 1)
    place = f"{chr(ord('A') + n // 26 % 26)}{chr(ord('a') + n % 26)}"
    path.write_text(text + ACTOR.format(aid=aid, place=place), encoding="utf-8")
    sql = "SELECT count(*) = 2 FROM actors WHERE actor_id = ? OR (actor_id = ? AND name = ?)"
    return sql, [aid, RENAMED[0], name]


#: The kinds of Save, by the name --kinds gives them.
KINDS = {
    "record": ("one record changed", change_record),
    "article": ("one article added", add_article),
    "codebook": ("one actor added, one renamed", change_codebook),
}


def run_warm(cmd: list[str], path: Path) -> tuple[float, float, float]:
    """As `run`, the command run by the warm build process listening on `path`."""
    from etl import warm

    started = time.perf_counter()
    done = warm.run(cmd[3:], path)  # the arguments after `python -m etl`
    if done is None or done.code != 0:
        raise SystemExit(f"the warm build failed: {done.stderr[-3000:] if done else 'no server'}")
    return time.perf_counter() - started, done.cpu, done.peak_mb


def save_to_screen(
    seeds: Path, db: Path, change, n: int, sock: Path | None
) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    """Wall seconds from the change to the database showing it, the build's CPU seconds and
    its peak memory (MB); by the warm build process on `sock`, if given."""
    started = time.perf_counter()
    sql, params = change(seeds, n)
    cmd = build_cmd(seeds, db)
    _, cpu, peak = run_warm(cmd, sock) if sock else run(cmd)
    if not shows(db, sql, params):
        raise SystemExit(f"the change {params} is not in the database after the save")
    return time.perf_counter() - started, cpu, peak


def _rss_mb(pid: int) -> float:
    """A process's resident memory now (MB): the warm build process keeps the corpus's
    models between Saves (etl.inputs.KEPT)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


#: What every build process pays before it reads a file: the interpreter and the libraries
#: a build imports (pandas, DuckDB, pydantic, plotly).
STARTUP = [sys.executable, "-c", "import etl.__main__, etl.build, etl.chart_rows"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", default="1,100", help="corpus sizes in seeds (1,100)")
    parser.add_argument("--full-runs", type=int, default=2, help="full builds per scale (2)")
    parser.add_argument("--saves", type=int, default=3, help="saves of each kind per scale (3)")
    parser.add_argument(
        "--modes", default="new process,warm", help="how a Save runs (new process,warm)"
    )
    parser.add_argument(
        "--kinds", default="record,article,codebook", help="kinds of Save (record,article,codebook)"
    )
    args = parser.parse_args(argv)
    warm_available = (ROOT / "etl" / "warm.py").exists()
    modes = [m for m in args.modes.split(",") if m != "warm" or warm_available]
    load_start = os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="save-to-screen-"))
    lines = []
    servers: list[subprocess.Popen[bytes]] = []
    startup = statistics.median(run(STARTUP)[1] for _ in range(3))
    log(f"start-up (interpreter and imports): {startup:.1f} s CPU")
    try:
        base = snapshot(ROOT / "seeds", tmp / "base")
        for scale in [int(s) for s in args.scales.split(",")]:
            seeds = tmp / f"x{scale}"
            log(f"{scale}x: generating")
            make_corpus(base, seeds, scale)
            articles = sum(1 for _ in (seeds / "articles").glob("*.txt"))
            db = tmp / f"x{scale}.duckdb"
            fulls, full_cpus, peaks = [], [], []
            for i in range(args.full_runs):
                db.unlink(missing_ok=True)  # nothing to carry over: a full build
                took, cpu, peak = run(build_cmd(seeds, db))
                fulls.append(took)
                full_cpus.append(cpu)
                peaks.append(peak)
                log(f"  full build {i + 1}: {took:.1f} s ({cpu:.1f} s CPU), peak {peak:.0f} MB")
            sock = tmp / f"w{scale}.sock"
            if warm_available:
                from etl import warm

                # As the studio does when it opens: not on a Save's clock.
                # With the corpus's models kept (etl.inputs.KEPT), as the studio's opening does.
                server = warm.start(sock, seeds, db)
                servers.append(server)
                deadline = time.monotonic() + 600
                while not sock.exists() and server.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.1)  # the server is importing the build
                log(f"  warm build process ready: {_rss_mb(server.pid):.0f} MB resident")
            kinds = [KINDS[k] for k in args.kinds.split(",")]
            saves: dict[tuple[str, str], list[tuple[float, float, float]]] = {
                (mode, name): [] for mode in modes for name, _ in kinds
            }
            n = 0
            for i in range(args.saves):
                for mode in modes:  # interleaved: each mode sees the same load
                    for name, change in kinds:
                        took, cpu, peak = save_to_screen(
                            seeds, db, change, n, sock if mode == "warm" else None
                        )
                        n += 1
                        saves[mode, name].append((took, cpu, peak))
                        log(
                            f"  save ({mode}), {name} {i + 1}: {took:.1f} s ({cpu:.1f} s CPU), "
                            f"peak {peak:.0f} MB"
                        )
            if warm_available:
                log(f"  warm build process after the Saves: {_rss_mb(server.pid):.0f} MB resident")
            full, full_cpu = statistics.median(fulls), statistics.median(full_cpus)
            for mode in modes:
                row = [f"{scale}x", mode, f"{articles:,}", f"{full:.1f}", f"{full_cpu:.1f}"]
                row.append(f"{max(peaks):.0f}")
                for name, _ in kinds:
                    got = saves[mode, name]
                    wall = statistics.median(t for t, _, _ in got)
                    cpu = statistics.median(c for _, c, _ in got)
                    row += [f"{wall:.1f}", f"{cpu:.1f}", f"{cpu / full_cpu:.0%}"]
                    # The same share with the start-up every process pays taken off both.
                    # A warm Save's fork pays none of it.
                    own = cpu if mode == "warm" else max(cpu - startup, 0)
                    row.append(f"{own / max(full_cpu - startup, 1e-9):.0%}")
                    row.append(f"{max(p for _, _, p in got):.0f}")  # the Save's peak MB
                lines.append(row)
            shutil.rmtree(seeds)
    finally:
        for server in servers:
            server.terminate()
            server.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    head = ["corpus", "Save runs in", "articles", "full s", "full CPU s", "peak MB"]
    for kind in args.kinds.split(","):
        head += [f"{kind}: s", "CPU s", "CPU of full", "w/o start-up", "peak MB"]
    widths = [max(len(h), *(len(r[i]) for r in lines)) for i, h in enumerate(head)]
    print("  ".join(h.rjust(w) for h, w in zip(head, widths, strict=True)))
    for r in lines:
        print("  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)))
    print(
        f"medians; full builds: {args.full_runs} per scale, saves: {args.saves} of each kind; "
        f"build --no-images (the images of changed charts follow off the clock); "
        f"start-up (interpreter and imports, in every new process's figure) {startup:.1f} s CPU"
    )
    print(
        f"machine: {os.cpu_count()} cores, load average {load_start[0]:.1f} at the start, "
        f"{os.getloadavg()[0]:.1f} at the end; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
