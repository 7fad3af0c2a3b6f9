"""Run the benchmarks: every `bench/bench_*.py` module's `main()`, or only the named ones."""

from __future__ import annotations

import importlib
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def available() -> list[str]:
    return sorted(path.stem.removeprefix("bench_") for path in HERE.glob("bench_*.py"))


def run(names: list[str]) -> int:
    known = available()
    unknown = [name for name in names if name not in known]
    if unknown:
        print(f"Unknown benchmark(s): {', '.join(unknown)}. Available: {', '.join(known)}")
        return 2
    failed = []
    for name in names or known:
        print(f"--- bench {name}", flush=True)
        started = time.perf_counter()
        try:
            result = importlib.import_module(f"bench.bench_{name}").main()
        except Exception:
            traceback.print_exc()
            result = 1
        print(f"--- bench {name}: {time.perf_counter() - started:.1f} s", flush=True)
        if result:
            failed.append(name)
    if not (names or known):
        print("No benchmarks yet (bench/bench_*.py).")
    if failed:
        print(f"Failed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
