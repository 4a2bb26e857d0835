"""`reader bench`: measure the figures the issues name."""

from __future__ import annotations

import argparse

from rich.table import Table

from reader.bench import BENCH_MODULES, run_all
from reader.commands.output import print_json, stdout
from reader.errors import InputError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the `bench` sub-command."""
    p = subparsers.add_parser("bench", parents=[common], help="run the benchmarks")
    p.add_argument("--json", action="store_true", help="print figures as JSON")
    p.add_argument(
        "--only", action="append", metavar="AREA",
        help="run only this area (corpus, language, notes, export, tui); repeatable",
    )
    p.set_defaults(func=run_bench)


def run_bench(args: argparse.Namespace) -> int:
    """Run the benchmarks and print the figures."""
    areas = {name.rsplit(".", 1)[-1] for name in BENCH_MODULES}
    unknown = sorted(set(args.only or ()) - areas)
    if unknown:
        known = ", ".join(sorted(areas))
        raise InputError(f"no benchmark area {', '.join(unknown)} (areas: {known})")
    figures = run_all(args.only)
    if args.json:
        print_json({name: fig.to_json() for name, fig in figures.items()})
        return 0
    table = Table(title="reader bench")
    for col in ("figure", "value", "unit", "goal", "status"):
        table.add_column(col)
    for name, fig in figures.items():
        ok = fig.meets_goal
        status = "" if ok is None else ("[green]ok[/]" if ok else "[red]missed[/]")
        goal = "" if fig.goal is None else f"{'≤' if fig.better == 'lower' else '≥'} {fig.goal:g}"
        table.add_row(name, f"{fig.value:g}", fig.unit, goal, status)
    stdout.print(table)
    return 0
