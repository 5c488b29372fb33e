"""`make bench`: kamsite validate and site build against their floors, at two portfolio sizes.

For each size: validate cold (empty cache) and warm vs PyYAML CSafeLoader parsing
the same files; kamsite build cold and warm vs a plain mkdocs-material build of
the same text as ordinary Markdown pages kept out of the nav; one account edited,
then a rebuild, vs the warm build (the `mkdocs serve` loop). Prints seconds, ratios
against the targets and peak memory (max RSS of the child process and of the processes it
forks). Cold runs are timed once; every other figure is the fastest of `RUNS`.

    python bench/run.py [--sizes 1000,5000] [--out bench-out]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


RUNS = 3
"""Runs of each repeatable measurement (all but the cold ones): the fastest is reported, as
`timeit` does, since the machine's noise only ever adds time (±5% between single runs)."""


def best(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """The fastest run's seconds and the largest peak memory of all runs."""
    return min(t for t, _ in runs), max(mb for _, mb in runs)


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process; a failure stops the run.

    Each project gets its own cache dir, so "cold" means cold.
    """
    env = {**ENV, "KAMSITE_CACHE_DIR": str(cwd / ".cache")}
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}")
    return elapsed, usage.ru_maxrss / 1024


def floor(content: Path) -> float:
    """Parsing every file with the C loader: no tool can read YAML faster."""
    start = time.perf_counter()
    for path in sorted(content.rglob("*.yaml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def run_size(out: Path, accounts: int) -> dict[str, float]:
    project, plain = generate(out / str(accounts), accounts)
    cache = project / ".cache"
    validate = [str(BIN / "kamsite"), "validate", "--content", "content"]
    build = [str(BIN / "mkdocs"), "build", "--strict", "-q"]
    result: dict[str, float] = {"floor": min(floor(project / "content") for _ in range(RUNS))}
    shutil.rmtree(cache, ignore_errors=True)
    result["validate_cold"], _ = timed(validate, project)
    result["validate_warm"], _ = best([timed(validate, project) for _ in range(RUNS)])
    shutil.rmtree(cache, ignore_errors=True)
    result["build_cold"], result["build_cold_mb"] = timed(build, project)
    warm, plains, edits = [], [], []
    for run in range(RUNS):  # interleaved, so a slow spell of the machine slows all three
        warm.append(timed(build, project))
        plains.append(timed([*build[:-2], "-q"], plain))
        edit(project, run)  # what `mkdocs serve` does on a save: one account changed, a rebuild
        edits.append(timed(build, project))
    result["build_warm"], result["build_warm_mb"] = best(warm)
    result["plain"], result["plain_mb"] = best(plains)
    result["build_edit"], result["build_edit_mb"] = best(edits)
    return result


def edit(project: Path, run: int) -> None:
    """Rename the first account, as an author's save would change it (each run anew)."""
    plan = sorted((project / "content" / "accounts").glob("*.yaml"))[0]
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("\nname: ", f"\nname: Edited{run} ", 1), encoding="utf-8")


def report(accounts: int, r: dict[str, float]) -> None:
    def line(name: str, seconds: float, base: float, target: float) -> str:
        ratio = seconds / base
        verdict = "ok" if ratio <= target else "OVER"
        return f"  {name:<15} {seconds:8.2f} s  {ratio:6.2f}×  (target ≤ {target}×) {verdict}"

    print(f"{accounts} accounts")
    print(f"  {'yaml floor':<15} {r['floor']:8.2f} s")
    print(line("validate cold", r["validate_cold"], r["floor"], 1.3))
    print(line("validate warm", r["validate_warm"], r["floor"], 0.1))
    print(f"  {'plain build':<15} {r['plain']:8.2f} s  peak {r['plain_mb']:.0f} MB")
    for kind, target in (("cold", 2.0), ("warm", 0.5)):
        seconds, mb = r[f"build_{kind}"], r[f"build_{kind}_mb"]
        print(line(f"build {kind}", seconds, r["plain"], target) + f"  peak {mb:.0f} MB")
    print(line("edit + rebuild", r["build_edit"], r["build_warm"], 1.3) + " (of the warm build)")
    memory = r["build_cold_mb"] / r["plain_mb"]
    verdict = "ok" if memory <= 2 else "OVER"
    print(f"  {'cold peak MB':<15} {memory:17.2f}×  (target ≤ 2× plain) {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--out", type=Path, default=Path("bench-out"))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {}
    for accounts in sizes:
        results[accounts] = run_size(args.out, accounts)
        report(accounts, results[accounts])
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        target = 5.5 * large / small / 5
        print(f"{large} vs {small} accounts (linear: target ≤ {target:.1f}×)")
        for key in ("validate_cold", "build_cold", "build_warm", "build_edit", "plain"):
            scale = results[large][key] / results[small][key]
            verdict = "ok" if scale <= target else "OVER"
            print(f"  {key.replace('_', ' '):<15} {scale:6.2f}×  {verdict}")


if __name__ == "__main__":
    main()
