"""Time ``ashore import``, ``export json`` and ``verify`` on a heavy user's data against bare
baselines, in the same run, interleaved, medians; with each command's peak memory.

Baselines (what the same work costs with nothing of Ashore): import = ``json.load`` + ``sqlite3``
inserts of every loan, proposal and note as rows; export = read those rows back + ``json.dump``;
verify = ``PRAGMA integrity_check`` + a SHA-256 chain over every note. Each command runs as a
fresh process, as a user runs it. Beside the wall-clock times, the CPU seconds (user + system) of
each: on a machine shared with other work they show what the command itself costs.
Ashore's modules are byte-compiled first, as an installed Ashore is (``--from-source`` not).
Run: ``.venv/bin/python benchmarks/data_commands.py [--loans 30 300 3000] [--rounds 3]``; with
more than one size it ends with how each command grows (time, ratio, peak memory) across them.
3,000 loans at the default 67 notes each make a 71 MB file, over the 64 MB import limit: run
them with ``--notes-per-loan 20`` (and 300 the same way, to compare like with like).
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

HERE = Path(__file__).resolve().parent

ASHORE = Path(sys.executable).with_name("ashore")
LIMIT = 64 * 2**20  # ashore.exchange.MAX_FILE_BYTES: a larger file is refused by ``ashore import``

MAKE = f"""
import json, sys
sys.path.insert(0, {str(HERE)!r})
from heavy_data import heavy_book
book = heavy_book(int(sys.argv[1]), int(sys.argv[2]))
open(sys.argv[3], "w", encoding="utf-8").write(json.dumps(book, ensure_ascii=False))
"""
BARE_IMPORT = r"""
import json, sqlite3, sys
book = json.load(open(sys.argv[1], encoding="utf-8"))
db = sqlite3.connect(sys.argv[2])
db.execute("create table loans (id text primary key, body text)")
db.execute("create table proposals (loan text, id text, body text)")
db.execute("create table notes (loan text, id text, body text)")
db.execute("create index notes_loan on notes (loan)")
db.execute("create index proposals_loan on proposals (loan)")
with db:
    for loan in book["loans"]:
        db.execute("insert into loans values (?, ?)", (loan["id"], json.dumps(loan["principal"])))
        db.executemany("insert into proposals values (?, ?, ?)",
                       [(loan["id"], p["id"], json.dumps(p)) for p in loan["proposals"]])
        db.executemany("insert into notes values (?, ?, ?)",
                       [(loan["id"], n["id"], json.dumps(n)) for n in loan["notes"]])
"""
BARE_EXPORT = r"""
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
def rows(table, loan):
    query = f"select body from {table} where loan = ?"
    return [json.loads(b) for (b,) in db.execute(query, (loan,))]
out = {"loans": [{"id": i, "proposals": rows("proposals", i), "notes": rows("notes", i)}
                 for (i,) in db.execute("select id from loans order by id")]}
json.dump(out, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
"""
BARE_VERIFY = r"""
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
prev = "0" * 64
for (loan, body) in db.execute("select loan, body from notes order by loan, id"):
    prev = hashlib.sha256((prev + loan + body).encode()).hexdigest()
"""


def run(args: list[str]) -> tuple[float, float, float]:
    """Seconds, peak memory (MB, this child's own maximum resident size) and CPU seconds (user +
    system: what the work costs when other programs share the cores) of one process."""
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(args[:6])}… failed: {child.stderr.read().decode()[-400:]}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


COMMANDS = ("import", "export json", "verify")


def measure(loans: int, notes: int, rounds: int) -> dict[str, tuple[float, float, float]]:
    """Per command: (Ashore's median seconds, the bare baseline's, Ashore's peak MB)."""
    work = Path(tempfile.mkdtemp(prefix="ashore-bench-"))
    try:
        source = work / "heavy.json"
        # Made in a child process: a forked child's peak memory counts what its parent held at
        # the fork, so a parent holding the 3,000-loan book would set every child's figure.
        subprocess.run(
            [sys.executable, "-c", MAKE, str(loans), str(notes), str(source)], check=True
        )
        size = source.stat().st_size
        if size > LIMIT:
            raise SystemExit(
                f"{loans} loans with {notes} notes make a {size / 2**20:.0f} MB file, over the "
                f"exchange file's {LIMIT // 2**20} MB limit: ask for fewer --notes-per-loan "
                "(3,000 loans at 20 notes each is 24 MB)"
            )
        times: dict[str, list[float]] = {}
        peaks: dict[str, float] = {}
        env_today = ["--today", "2026-11-28"]
        for r in range(rounds):
            data, bare = work / f"data-{r}", work / f"bare-{r}.sqlite3"
            pairs = {
                "import": (
                    [str(ASHORE), "--data-dir", str(data), *env_today, "import", str(source)],
                    [sys.executable, "-c", BARE_IMPORT, str(source), str(bare)],
                ),
                "export json": (
                    [
                        str(ASHORE),
                        "--data-dir",
                        str(data),
                        *env_today,
                        "export",
                        "json",
                        "--out",
                        str(work / f"out-{r}" / "all.json"),
                    ],
                    [sys.executable, "-c", BARE_EXPORT, str(bare), str(work / f"bare-{r}.json")],
                ),
                "verify": (
                    [str(ASHORE), "--data-dir", str(data), *env_today, "verify"],
                    [sys.executable, "-c", BARE_VERIFY, str(bare)],
                ),
            }
            for name, (ours, base) in pairs.items():  # interleaved: ours, then its baseline
                seconds, peak, cpu = run(ours)
                times.setdefault(name, []).append(seconds)
                times.setdefault(name + " cpu", []).append(cpu)
                peaks[name] = max(peaks.get(name, 0.0), peak)
                seconds, _, cpu = run(base)
                times.setdefault(name + " (bare)", []).append(seconds)
                times.setdefault(name + " (bare) cpu", []).append(cpu)
        print(f"\n{loans} loans, {notes} notes, {rounds} rounds (medians)")
        print(
            f"{'what':<14}{'Ashore':>10}{'bare':>10}{'ratio':>8}{'peak MB':>10}"
            f"{'CPU':>10}{'bare CPU':>10}{'ratio':>8}"
        )
        results = {}
        for name in COMMANDS:
            ours = statistics.median(times[name])
            base = statistics.median(times[name + " (bare)"])
            cpu = statistics.median(times[name + " cpu"])
            bare_cpu = statistics.median(times[name + " (bare) cpu"])
            print(
                f"{name:<14}{ours:>9.2f}s{base:>9.2f}s{ours / base:>7.1f}×{peaks[name]:>10.0f}"
                f"{cpu:>9.2f}s{bare_cpu:>9.2f}s{cpu / bare_cpu:>7.1f}×"
            )
            results[name] = (ours, base, peaks[name])
        return results
    finally:
        shutil.rmtree(work, ignore_errors=True)


def print_growth(results: dict[int, dict[str, tuple[float, float, float]]]) -> None:
    """How each command grows with the number of loans: time, ratio and peak memory per size."""
    sizes = sorted(results)
    print("\nhow each grows (seconds / ratio to bare / peak MB)")
    print(f"{'what':<14}" + "".join(f"{f'{n} loans':>26}" for n in sizes))
    for name in COMMANDS:
        cells = []
        for n in sizes:
            ours, base, peak = results[n][name]
            cells.append(f"{f'{ours:.2f}s / {ours / base:.1f}× / {peak:.0f} MB':>26}")
        print(f"{name:<14}" + "".join(cells))


def byte_compile() -> None:
    """Compile Ashore's modules to bytecode first, as installing it does (pip and the bundle
    ship compiled modules): with PYTHONDONTWRITEBYTECODE set (as in CI and some shells) an
    editable install would otherwise compile every module from source on every run, which is
    no cost a user's Ashore pays (about 0.3 s of CPU per command here)."""
    where = subprocess.run(
        [sys.executable, "-c", "import ashore, os; print(os.path.dirname(ashore.__file__))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", where], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loans", type=int, nargs="+", default=[30, 300])
    parser.add_argument("--notes-per-loan", type=int, default=67)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--from-source",
        action="store_true",
        help="do not byte-compile Ashore first (each run then compiles what it imports)",
    )
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not args.from_source:
        byte_compile()
    results = {}
    for loans in args.loans:
        results[loans] = measure(loans, loans * args.notes_per_loan, args.rounds)
    if len(results) > 1:
        print_growth(results)


if __name__ == "__main__":
    main()
