#!/usr/bin/env python3
"""What the worklist and the statistics cost as a store grows (issue 31, part 2).

A release spoord in development mode on a fresh folder takes, through its socket from `spoor-load`
(each case's youth named after it: a store of many youths), --listed cases with a signal each (each has items on the worklist: the signal waits, its risk
assessment is missing); `worklist`, `worklist --overdue` and `stats --by form` are then timed,
--repeats each, over the socket (median). Then cases without items are opened (as a store of
years holds closed cases) until the store holds --cases, and the same requests are timed again.
Each spoord given (this build, and with --before the build before) gets its own store, built alike.

    scaling.py --spoord PATH [--before PATH] [--cases 100000] [--listed 1000] [--repeats 15]

Beside them, in the same sitting, the peer a user would pick instead: the inline peer's `cases`
table on PostgreSQL 15 (compare-postgres.py), one jsonb state a case, filled alike (--listed cases
with a signal and an item, then rows without either up to --cases), indexed as a Marten user
would: an expression index on the day the case's items are listed from (partial: cases with items)
and a partial index on cases with signals. Its worklist reads the index in order (LIMIT 1,000, with
the total); its statistics unnest the signals' forms and group them, counting youths (DISTINCT),
signals, the steps reached and the median days to each. Timed by pgbench (one connection, prepared
statements: the client's cost is pgbench's, a few µs), after a VACUUM ANALYZE at each size, with JIT
off (it compiled the statistics' query for 0.2 s each time).

Prints each request's median at both sizes and the ratio large / small: 1.00x means the request's
cost follows what it shows, not how many cases the store holds.
"""
import argparse, datetime, importlib.util, json, os, re, shutil, socket, statistics, sys, tempfile, time

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


class PostgresQueries:
    """The inline peer's cases table, read as its worklist and its statistics."""

    INDEXES = """
        CREATE INDEX cases_listed ON cases ((state->>'listedFrom'), stream) WHERE state ? 'listedFrom';
        CREATE INDEX cases_counted ON cases (stream) WHERE jsonb_array_length(state->'signals') > 0;"""
    # The worklist: the cases with items, oldest first, and how many there are in all.
    WORKLIST = """SELECT stream, state->'items', count(*) OVER () FROM cases WHERE state ? 'listedFrom'{overdue}
        ORDER BY state->>'listedFrom', stream LIMIT 1000;"""
    # The statistics by form: youths once each, signals, the steps they reached and the median days to each.
    STATS = """SELECT form, count(DISTINCT state->>'youth'), count(*), count(s->>'consultedOn'), count(s->>'reportedOn'),
          count(s->>'registeredOn'),
          percentile_cont(0.5) WITHIN GROUP (ORDER BY (s->>'consultedOn')::date - (s->>'observedOn')::date),
          percentile_cont(0.5) WITHIN GROUP (ORDER BY (s->>'reportedOn')::date - (s->>'observedOn')::date),
          percentile_cont(0.5) WITHIN GROUP (ORDER BY (s->>'registeredOn')::date - (s->>'observedOn')::date)
        FROM cases, jsonb_array_elements(state->'signals') s, jsonb_array_elements_text(s->'formsOfExploitation') form
        WHERE jsonb_array_length(state->'signals') > 0 GROUP BY form;"""

    def __init__(self, root):
        self.postgres = peer.Postgres(root)
        # The unnested forms' row estimate (100 a function) made the planner JIT-compile the statistics for
        # 0.2 s a query; an operator would turn JIT off, as this does.
        self.postgres.psql("ALTER DATABASE bench SET jit = off;" + self.INDEXES)
        self.rows = 0

    def fill(self, upto, listed):
        """Rows up to `upto`: the first `listed` with a signal and a worklist item, the rest with neither."""
        signal = ("jsonb_build_array(jsonb_build_object('observedOn', '2026-10-01', 'formsOfExploitation', "
                  "jsonb_build_array('sexual', 'criminal'), 'consultedOn', '2026-10-03'))")
        # Two items a case, as Spoor's cases here have (the signal waits, its risk assessment is missing), each
        # with the fields and about the detail Spoor's worklist shows, so that both replies are of a size.
        detail = "signal s-1 waits for the weighing: weigh it with the attention officer, or consult Veilig Thuis"
        items = ", ".join(f"jsonb_build_object('case', 'case-' || n, 'unit', 'north', 'kind', '{kind}', 'since', '2026-10-01', "
                          f"'dueOn', '2026-10-15', 'overdue', true, 'responsible', 'professional', 'protocolVersion', 1, "
                          f"'detail', '{detail}')" for kind in ("signal-waiting", "risk-assessment-missing"))
        item = f"'listedFrom', to_char(date '2026-10-01' + (n % 60), 'YYYY-MM-DD'), 'items', jsonb_build_array({items})"
        self.postgres.psql(f"""
            INSERT INTO cases(stream, version, state)
            SELECT 'case-' || n, 1, '{peer.STATE}'::jsonb || CASE WHEN n <= {listed}
              THEN jsonb_build_object('youth', 'youth-' || n, 'signals', {signal}, {item})
              ELSE jsonb_build_object('youth', 'youth-' || n, 'signals', '[]'::jsonb) END
            FROM generate_series({self.rows + 1}, {upto}) n;""")
        self.postgres.psql("VACUUM ANALYZE cases;")
        self.rows = upto

    def timings(self, repeats):
        result = {}
        for name, sql in [("worklist", self.WORKLIST.format(overdue="")),
                          ("worklist --overdue", self.WORKLIST.format(overdue=f" AND state->>'listedFrom' <= '{datetime.date.today()}'")),
                          ("stats --by form", self.STATS)]:
            result[name] = statistics.median(self.pgbench(sql, repeats))
        return result

    def pgbench(self, sql, repeats):
        """`repeats` runs of `sql` on one connection after one to warm it, each one's seconds."""
        folder = self.postgres.folder
        script, logs = os.path.join(folder, "query.sql"), os.path.join(folder, "query-log")
        with open(script, "w") as f:
            f.write(" ".join(sql.split()) + "\n")
        shutil.rmtree(logs, ignore_errors=True)
        os.makedirs(logs)
        if self.postgres.as_user:
            shutil.chown(script, "postgres", "postgres")
        command = ["pgbench", "-n", "-h", folder, "-U", "bench", "-M", "prepared", "-c", "1", "-f", script]
        peer.run(command + ["-t", "1", "bench"])
        peer.run(command + ["-t", str(repeats), "--log", "--log-prefix", os.path.join(logs, "q"), "bench"])
        return [int(line.split()[2]) / 1e6 for path in os.listdir(logs) for line in open(os.path.join(logs, path))]

    def measure(self, options, cases):
        """Both sizes, as Spoor's store was built: its worklist and statistics timed at each."""
        self.fill(options.listed, options.listed)
        small = self.timings(options.repeats)
        self.fill(cases, options.listed)
        return small, self.timings(options.repeats), cases

    def stop(self):
        self.postgres.stop()


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
        postgres = PostgresQueries(root)
        try:  # as many rows as Spoor's store came to hold
            results["PostgreSQL inline peer"] = postgres.measure(options, results["this build"][2])
        finally:
            postgres.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"\nmedians of {options.repeats} requests each (Spoor: a connection each; PostgreSQL: pgbench on one connection); "
          "ratio = large store / small store")
    print(f"| request | side | {options.listed:,} cases | large store | ratio |")
    print("|---|---|---|---|---|")
    for name in REQUESTS:
        for label, (small, large, cases) in results.items():
            print(f"| {name} | {label} | {small[name] * 1e3:.1f} ms | {large[name] * 1e3:.1f} ms ({cases:,} cases) | {large[name] / small[name]:.2f}× |")
    (small, large, _), (peer_small, peer_large, _) = results["this build"], results["PostgreSQL inline peer"]
    print("\nthis build against the PostgreSQL inline peer, time per request (lower is better): Spoor / PostgreSQL")
    for name in REQUESTS:
        print(f"{name}: {small[name] / peer_small[name]:.2f}x on the small store, {large[name] / peer_large[name]:.2f}x on the large one")


if __name__ == "__main__":
    main()
