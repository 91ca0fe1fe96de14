#!/usr/bin/env python3
"""What the worklist and the statistics cost as a store grows (issue 31, part 2).

A release spoord in development mode on a fresh folder takes, through its socket from `spoor-load`
(each case's youth named after it: a store of many youths), --listed cases with a signal each (each has items on the worklist: the signal waits, its risk
assessment is missing); `worklist`, `worklist --overdue` and `stats --by form` are then timed,
--repeats each, over the socket (median). Then cases without items are opened (as a store of
years holds closed cases) until the store holds --cases, and the same requests are timed again.
Each spoord given (this build, and with --before the build before) gets its own store, built alike.

    scaling.py --spoord PATH [--before PATH] [--cases 100000] [--listed 1000] [--repeats 15]

Prints each request's median at both sizes and the ratio large / small: 1.00x means the request's
cost follows what it shows, not how many cases the store holds.
"""
import argparse, importlib.util, json, os, re, shutil, socket, statistics, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("peer", os.path.join(HERE, "..", "peer", "compare-postgres.py"))
peer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(peer)

REQUESTS = {
    "worklist": ("worklist", {}),
    "worklist --overdue": ("worklist", {"overdue": True}),
    "stats --by form": ("stats", {"by": ["form"]}),
}


def ask(path, method, params):
    """One request on a new connection; its reply and the seconds it took."""
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(path)
    started = time.monotonic()
    client.sendall(json.dumps({"v": 1, "id": "q", "method": method, "params": params}).encode() + b"\n")
    buffered = b""
    while not buffered.endswith(b"\n"):
        chunk = client.recv(1 << 20)
        if not chunk:
            raise RuntimeError(f"{method}: spoord closed the connection")
        buffered += chunk
    took = time.monotonic() - started
    client.close()
    reply = json.loads(buffered)
    if not reply.get("ok"):
        raise RuntimeError(f"{method} failed: {reply}")
    return reply["result"], took


def timings(spoor, repeats):
    result = {}
    for name, (method, params) in REQUESTS.items():
        ask(spoor.socket, method, params)  # warm: the pages it reads in the page cache
        result[name] = statistics.median(ask(spoor.socket, method, params)[1] for _ in range(repeats))
    return result


def load(spoor, *arguments):
    output = peer.run([spoor.client, "--socket", spoor.socket, "--threads", "2", "--unique-names", "1"] + list(arguments)).stdout
    return int(re.search(r"requests=(\d+)", output).group(1))


def measure(root, spoord, name, options):
    spoor = peer.Spoor(root, spoord, name=name)
    try:
        for batch in range(options.listed // 250):  # cases with items: each connection's own case, with one signal
            load(spoor, "--connections", "250", "--command", "risk", "--history", "1", "--seconds", "0", "--prefix", f"{name}l{batch}")
        listed = ask(spoor.socket, "worklist", {"limit": 10000})[0]
        small = timings(spoor, options.repeats)
        cases = options.listed
        round = 0
        while cases < options.cases:  # cases without items, as a store of years holds closed ones
            round += 1
            cases += load(spoor, "--connections", "64", "--command", "open-case", "--seconds",
                          str(max(1, min(10, (options.cases - cases) / 4000))), "--prefix", f"{name}o{round}")
        large = timings(spoor, options.repeats)
        print(f"{name}: {options.listed:,} cases with {listed['total']:,} items, then {cases:,} cases", flush=True)
        return small, large, cases
    finally:
        spoor.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spoord", required=True)
    parser.add_argument("--before", help="a spoord built before the change, measured on a store of its own built alike")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--listed", type=int, default=1_000, help="cases with worklist items (a multiple of 250)")
    parser.add_argument("--repeats", type=int, default=15)
    options = parser.parse_args()
    root = tempfile.mkdtemp(prefix="spoor-scaling-", dir=os.environ.get("SPOOR_BENCH_DIR", "/var/tmp"))
    try:
        sides = [("this build", options.spoord)] + ([("before", options.before)] if options.before else [])
        results = {label: measure(root, spoord, "spoor" if label == "this build" else "before", options) for label, spoord in sides}
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"\nmedians of {options.repeats} requests each, on one connection each; ratio = large store / small store")
    print(f"| request | side | {options.listed:,} cases | large store | ratio |")
    print("|---|---|---|---|---|")
    for name in REQUESTS:
        for label, (small, large, cases) in results.items():
            print(f"| {name} | {label} | {small[name] * 1e3:.1f} ms | {large[name] * 1e3:.1f} ms ({cases:,} cases) | {large[name] / small[name]:.2f}× |")


if __name__ == "__main__":
    main()
