"""A pure-CPU reference for parallel speed-ups: N processes each doing the same fixed work.

Usage: python benchmarks/cpu_burn.py [--procs 2] [--n 60000000]

``benchmarks/run.py`` times it with 1 and 2 processes in each round: twice the
one-process time divided by the two-process time is the speed-up the machine
actually offers to two busy processes at that moment (shared or hyper-threaded
vCPUs and other work give less than 2), the ceiling for ``--jobs 2``.
"""

from __future__ import annotations

import argparse
import multiprocessing


def burn(n: int) -> int:
    x = 0
    for i in range(n):
        x += i
    return x


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--n", type=int, default=60_000_000)
    args = parser.parse_args()
    if args.procs == 1:
        burn(args.n)
        return
    with multiprocessing.get_context("fork").Pool(args.procs) as pool:
        pool.map(burn, [args.n] * args.procs)


if __name__ == "__main__":
    main()
