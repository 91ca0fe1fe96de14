#!/usr/bin/env python3
"""Where one client's request goes (issue 31, part 3): LMDB's commit against everything else.

A release spoord in development mode on a fresh folder on disk takes one client's commands from
`spoor-load` for --seconds; its own metrics, read before and after, split each request's time:
LMDB's commit (`spoor_commit_sync_seconds`: the dirty pages written, the data file's fdatasync and
the meta page's O_DSYNC write), the batch applied to the trees inside the write transaction, and
the rest of the request in the daemon (decode, decide, seal, the hops); what the client waits
beyond the daemon's own time is the socket and the client. For scale, `sync-latency` (beside this
file) times one 8 KiB write and fdatasync on the same disk, and the peer a user would pick instead
(PostgreSQL 15's inline projection, compare-postgres.py) takes the same single client's requests
in the same sitting, each round after Spoor's: what one request costs there, as pgbench waits.

    commit-share.py --spoord PATH [--seconds 5] [--rounds 3]

Prints, per command, the medians of --rounds runs, each on a fresh daemon.
"""
import argparse, importlib.util, json, os, re, shutil, socket, statistics, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("peer", os.path.join(HERE, "..", "peer", "compare-postgres.py"))
peer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(peer)

SAMPLES = ["spoor_commit_sync_seconds_sum", "spoor_commit_duration_seconds_sum", "spoor_commit_duration_seconds_count",
           'spoor_request_duration_seconds_sum{method="case.command"}', 'spoor_request_duration_seconds_count{method="case.command"}']


def samples(path):
    """The metrics this needs, by name, from the daemon's `metrics` method."""
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(path)
    client.sendall(b'{"v":1,"id":"m","method":"metrics","params":{}}\n')
    buffered = b""
    while not buffered.endswith(b"\n"):
        buffered += client.recv(1 << 20)
    client.close()
    text = json.loads(buffered)["result"]["text"]
    values = {}
    for line in text.splitlines():
        name, _, value = line.rpartition(" ")
        if name in SAMPLES:
            values[name] = float(value)
    return values


def one_run(root, spoord, command, seconds, number):
    spoor = peer.Spoor(root, spoord, name=f"run{number}")
    try:
        base = [spoor.client, "--socket", spoor.socket, "--connections", "1", "--threads", "1", "--command", command]
        peer.run(base + ["--seconds", "0", "--history", "3", "--prefix", "w"])  # the case a command on an existing case needs
        before = samples(spoor.socket)
        output = peer.run(base + ["--seconds", str(seconds), "--history", "0", "--prefix", "x"]).stdout
        after = samples(spoor.socket)
    finally:
        spoor.stop()
    delta = {name: after.get(name, 0) - before.get(name, 0) for name in SAMPLES}
    requests = delta[SAMPLES[4]]
    wall = float(re.search(r"seconds=([\d.]+)", output).group(1)) / int(re.search(r"requests=(\d+)", output).group(1))
    return dict(wall=wall, commit=delta[SAMPLES[0]] / requests, applied=(delta[SAMPLES[1]] - delta[SAMPLES[0]]) / requests,
                daemon=delta[SAMPLES[3]] / requests, batch=requests / max(1, delta[SAMPLES[2]]))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spoord", required=True)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    root = tempfile.mkdtemp(prefix="spoor-commit-", dir=os.environ.get("SPOOR_BENCH_DIR", "/var/tmp"))
    try:
        tool = os.path.join(root, "sync-latency")
        peer.run(["gcc", "-O2", "-o", tool, os.path.join(HERE, "sync-latency.c")])
        disk = peer.run([tool, os.path.join(root, "probe"), "1"]).stdout.strip()
        rows, inline = {}, {}
        postgres = peer.Postgres(root)
        try:
            for round in range(options.rounds):
                for command, label in (("risk", "1 client, command on an existing case"), ("open-case", "1 client, open-case")):
                    rows.setdefault(label, []).append(one_run(root, options.spoord, command, options.seconds, f"{round}{command}"))
                    result = postgres.with_inline_projection().bench(1, options.seconds, existing=command == "risk")
                    inline.setdefault(label, []).append(1 / result["rate"])
        finally:
            postgres.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"the disk: one 8 KiB write and fdatasync {disk}")
    print(f"\nmedians of {options.rounds} runs of {options.seconds:g} s, each on a fresh daemon; µs per request")
    print("| scenario | the client waits | LMDB's commit: pages written, two syncs | batch applied | the rest in the daemon | "
          "outside the daemon | commit's share | the inline peer: a request |")
    print("|---|---|---|---|---|---|---|---|")
    for label, runs in rows.items():
        m = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        rest = m["daemon"] - m["commit"] - m["applied"]
        print(f"| {label} | {m['wall'] * 1e6:.0f} | {m['commit'] * 1e6:.0f} | {m['applied'] * 1e6:.0f} | {rest * 1e6:.0f} | "
              f"{(m['wall'] - m['daemon']) * 1e6:.0f} | {m['commit'] / m['wall'] * 100:.0f} % | "
              f"{statistics.median(inline[label]) * 1e6:.0f} |")


if __name__ == "__main__":
    main()
