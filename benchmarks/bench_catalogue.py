"""Time to load the service catalogue from its TOML files, fresh (no cache), each time.

Measured beside a bare baseline in the same run: ``tomllib`` parsing the same files without
any validation. The difference is what the pydantic models and the cross-reference checks
cost. Reported as p50/p99 over the repetitions and as the ratio of medians (ours / bare).

    .venv/bin/python benchmarks/bench_catalogue.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine, percentile, summary, write

from counter_app.catalogue import load_catalogue, shipped_catalogue_dir


def time_it(fn: Callable[[], object], repeat: int) -> list[float]:
    fn()  # warm imports and pydantic's validators
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    folder = shipped_catalogue_dir()
    files = sorted(folder.glob("*.toml"))

    def bare() -> list[dict[str, object]]:
        return [tomllib.loads(path.read_text(encoding="utf-8")) for path in files]

    def ours() -> object:
        return load_catalogue(folder)

    catalogue = load_catalogue(folder)
    samples = {
        "load_catalogue": time_it(ours, args.repeat),
        "bare_tomllib": time_it(bare, args.repeat),
    }
    results = {
        name: {**summary(values), "p50": percentile(values, 0.50), "p99": percentile(values, 0.99)}
        for name, values in samples.items()
    }
    ratio = results["load_catalogue"]["median"] / results["bare_tomllib"]["median"]
    table = "\n".join(
        [
            f"catalogue {catalogue.version}: {len(catalogue.items)} items, "
            f"{len(catalogue.groups)} groups, {len(files)} files; {args.repeat} repetitions",
            "",
            "| subject | p50 (ms) | p99 (ms) |",
            "|---|---|---|",
            *(f"| {name} | {r['p50']:.3f} | {r['p99']:.3f} |" for name, r in results.items()),
            "",
            f"load_catalogue / bare tomllib (medians): {ratio:.2f}×",
            "(ours adds the pydantic models, the field and default checks, the cross-references)",
        ]
    )
    write(
        "catalogue",
        {"machine": machine(), "repeat": args.repeat, "items": len(catalogue.items),
         "ms": results, "ratio": ratio},
        table + "\n",
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
