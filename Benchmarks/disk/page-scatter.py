#!/usr/bin/env python3
"""What LMDB's commits write, and what the same pages cost written scattered or side by side (issue 31).

First a release spoord in development mode on a fresh folder takes --clients connections of
open-case (or, with --existing, commands on each connection's own case) from `spoor-load` for
--seconds under `strace`: each commit's pwrites to the data file up to its fdatasync give the
pages a commit writes and in how many separate runs (LMDB writes its dirty pages in page order and
joins only neighbours; pages it reuses from its free list lie apart). Then, on the same disk, a
file of --file-mib takes --commits commits of that many 4 KiB pages, each followed by fdatasync:
scattered (the pages at random places, in order, one pwrite each, as LMDB's commits write them) and
side by side (one pwrite, as a write-ahead log appends), alternating, --rounds times.

    page-scatter.py --spoord PATH [--clients 64] [--seconds 6] [--existing] [--commits 150] [--rounds 3]

Prints the commits' median pages and runs, then each pattern's median time a commit and their ratio.
"""
import argparse, importlib.util, os, random, re, shutil, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("peer", os.path.join(HERE, "..", "peer", "compare-postgres.py"))
peer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(peer)

PAGE = 4096


def traced_commits(spoord, root, clients, seconds, existing):
    """(pages, runs) of each commit spoord made while the load ran, from its pwrites up to each fdatasync."""
    spoor = peer.Spoor(root, spoord)
    try:
        spoor.bench(clients, 2, existing=existing)  # a store to write into, and each connection's case
        trace = os.path.join(root, "strace.txt")
        tracer = subprocess.Popen(["strace", "-f", "-e", "trace=pwrite64,pwritev,fdatasync", "-o", trace, "-p", str(spoor.process.pid)],
                                  stderr=subprocess.DEVNULL)
        time.sleep(1)
        spoor.bench(clients, seconds, existing=existing)
        tracer.terminate()
        tracer.wait()
    finally:
        spoor.stop()
    commits, pages, runs = [], 0, 0
    for line in open(trace):
        written = re.search(r"pwrite(?:64|v)\(\d+, .* = (\d+)$", line)
        if written and int(written.group(1)) >= PAGE:  # the data file's pages; the meta page's write is 120 bytes
            pages += int(written.group(1)) // PAGE
            runs += 1
        if "fdatasync(" in line and "resumed" not in line and pages:
            commits.append((pages, runs))
            pages, runs = 0, 0
    return commits


def commit_time(path, pages, commits, scattered):
    """The median seconds a commit of `pages` pages takes, written scattered or side by side, then fdatasync'ed."""
    fd = os.open(path, os.O_RDWR)
    try:
        slots = os.fstat(fd).st_size // PAGE
        block, times, at = os.urandom(PAGE), [], 0
        for _ in range(commits):
            started = time.monotonic()
            if scattered:
                for slot in sorted(random.sample(range(slots), pages)):
                    os.pwrite(fd, block, slot * PAGE)
            else:
                os.pwrite(fd, block * pages, at * PAGE)
                at = (at + pages) % (slots - pages)
            os.fdatasync(fd)
            times.append(time.monotonic() - started)
        return statistics.median(times)
    finally:
        os.close(fd)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spoord", required=True)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=6)
    parser.add_argument("--existing", action="store_true", help="commands on each connection's own case, not open-case")
    parser.add_argument("--commits", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--file-mib", type=int, default=256)
    options = parser.parse_args()
    if not shutil.which("strace"):
        sys.exit("strace is not installed: apt-get install -y strace")
    root = tempfile.mkdtemp(prefix="spoor-scatter-", dir=os.environ.get("SPOOR_BENCH_DIR", "/var/tmp"))
    try:
        commits = traced_commits(options.spoord, root, options.clients, options.seconds, options.existing)
        if not commits:
            sys.exit("no commit was traced")
        pages = int(statistics.median(c[0] for c in commits))
        runs = statistics.median(c[1] for c in commits)
        print(f"spoord, {options.clients} clients of {'commands on existing cases' if options.existing else 'open-case'} under strace: "
              f"{len(commits)} commits, median {pages} pages a commit in {runs:.0f} runs")
        path = os.path.join(root, "pages")
        with open(path, "wb") as file:  # every block written once, so that no write allocates
            for _ in range(options.file_mib):
                file.write(os.urandom(1 << 20))
            file.flush()
            os.fsync(file.fileno())
        timed = {True: [], False: []}
        for round in range(options.rounds):
            for scattered in (True, False) if round % 2 == 0 else (False, True):
                timed[scattered].append(commit_time(path, pages, options.commits, scattered))
                print(f"round {round + 1}: {pages} pages {'scattered' if scattered else 'side by side'}: "
                      f"{timed[scattered][-1] * 1e3:.2f} ms a commit", flush=True)
        apart, together = statistics.median(timed[True]), statistics.median(timed[False])
        print(f"\na commit of {pages} pages and its fdatasync, medians of {options.rounds} rounds of {options.commits}: "
              f"scattered {apart * 1e3:.2f} ms, side by side {together * 1e3:.2f} ms ({apart / together:.1f}x)")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
