"""Start-up time to the login window and resident memory, beside a bare QMainWindow.

Both subjects run as fresh processes, alternating, with QT_QPA_PLATFORM=offscreen; time is
wall time from spawn to the ``READY`` line the program prints once its window is shown.
The application is measured twice per run: on a fresh data folder and warm (second start on
the same folder). The login window is shown first; the workstation is prepared behind it
(configuration, local cache and its migrations, the central demo database, the first sync),
so the table also gives the time until the ``PREPARED`` line, when logging in is possible.

    .venv/bin/python benchmarks/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine, summary, write

HERE = Path(__file__).resolve().parent


def measure(command: list[str], env: dict[str, str]) -> tuple[float, int, float]:
    """Seconds to ``READY``, RSS then, and seconds to ``PREPARED`` (or to exit, without it)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    ready: tuple[float, int] | None = None
    prepared: float | None = None
    for line in process.stdout:
        if line.startswith("READY rss_kb="):
            ready = time.perf_counter() - started, int(line.strip().split("=")[1])
        elif line.startswith("PREPARED ") and prepared is None:
            prepared = time.perf_counter() - started
    code = process.wait(timeout=60)
    if ready is None:
        raise RuntimeError(f"{command} never became ready (exit status {code})")
    return ready[0], ready[1], prepared if prepared is not None else ready[0]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    bare_cmd = [sys.executable, str(HERE / "bare_qt.py")]
    app_cmd = [sys.executable, "-m", "counter_app", "--exit-when-ready"]
    times: dict[str, list[float]] = {"bare": [], "app_first": [], "app_warm": []}
    rss: dict[str, list[float]] = {"bare": [], "app_first": [], "app_warm": []}
    usable: dict[str, list[float]] = {"app_first": [], "app_warm": []}
    for _ in range(args.runs):
        t, r, _u = measure(bare_cmd, env)
        times["bare"].append(t)
        rss["bare"].append(r)
        with tempfile.TemporaryDirectory() as home:
            app_env = {**env, "COUNTER_APP_HOME": home}
            for key in ("app_first", "app_warm"):
                t, r, u = measure(app_cmd, app_env)
                times[key].append(t)
                rss[key].append(r)
                usable[key].append(u)
    result = {
        "machine": machine(),
        "runs": args.runs,
        "seconds": {k: summary(v) for k, v in times.items()},
        "rss_kb": {k: summary(v) for k, v in rss.items()},
        "login_enabled_seconds": {k: summary(v) for k, v in usable.items()},
    }
    base_t = result["seconds"]["bare"]["median"]
    base_m = result["rss_kb"]["bare"]["median"]
    lines = [
        "| subject | start-up median (s) | p90 (s) | × bare | RSS median (MiB) | × bare "
        "| login enabled after, median (s) |",
        "|---|---|---|---|---|---|---|",
    ]
    for key, label in (
        ("bare", "bare QMainWindow"),
        ("app_first", "counter-app, first start on an empty data folder"),
        ("app_warm", "counter-app, warm start"),
    ):
        s, m = result["seconds"][key], result["rss_kb"][key]
        u = result["login_enabled_seconds"].get(key)
        lines.append(
            f"| {label} | {s['median']:.3f} | {s['p90']:.3f} | {s['median'] / base_t:.2f} "
            f"| {m['median'] / 1024:.1f} | {m['median'] / base_m:.2f} "
            f"| {'—' if u is None else format(u['median'], '.3f')} |"
        )
    write("startup", result, "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
