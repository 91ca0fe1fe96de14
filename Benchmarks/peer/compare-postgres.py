#!/usr/bin/env python3
"""Spoor against the peer a user would pick instead, side by side in one sitting.

PostgreSQL 15 with full durability (fsync, synchronous_commit and full_page_writes on), started
here on a throw-away cluster reachable only over a Unix socket, takes one row per event into an
`events` table with UNIQUE(stream, version) and UNIQUE(event_id), a 600-byte JSON payload, the
version from a counter row per stream, driven by pgbench (-j 2, prepared statements): the bare
insert. On the same cluster, the peer a user would pick instead of Spoor: the same append with the
case's state upserted as a jsonb document in the same transaction (an inline projection, as Marten
does). Spoor's release spoord takes real commands through its socket from `spoor-load`, an
event-driven client in C of the same shape (a few threads, many connections). All alternate,
scenario by scenario, round by round, so that the machine's drift hits them alike.

    compare-postgres.py --spoord PATH [--before PATH] [--rounds 3] [--seconds 10] [--replays N] [--only 1,64,fixed,signals,growing | --only "64 clients, open-case"] [--unsynced "1 client"]

With --before, a second spoord (the build before a change) takes its turn in every round too, and
a second table gives each median of this build against that one's.

At one client (or in the scenarios --unsynced names), the same spoord takes a turn under Debian's
`eatmydata` too, which makes every `fsync` and `fdatasync` return at once and opens no file with
`O_DSYNC`: LMDB's commit without its two syncs, its pages still written. Not durable; a measurement
only. Issue 31 asks one client to reach the inline peer or to show that what is left is those two
syncs and nothing else: the table of that side against the inline peer shows which. At 64 clients
(--unsynced 64) it is the ceiling of any commit protocol: what no write-ahead log could pass.

Prints every run, then a table of medians with the ratio Spoor/PostgreSQL, each side's server CPU
per request and the client's own CPU per request, and what the disk wrote per request; then, on
the stores the runs left, every event read back in order: PostgreSQL streaming its rows to psql,
Spoor rebuilding its projection; and spoord's RssAnon after the runs and after the rebuilds,
failing (exit 1) over MAX_RSS_ANON_MIB.
"""
import argparse, copy, glob, os, pwd, re, resource, shutil, signal, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
PG_BIN = "/usr/lib/postgresql/15/bin"

# The peer's append: the stream's counter row gives the version (a new stream starts at 0), and
# the event row goes in with it, in one statement, one transaction, one durable commit.
APPEND = """\\set n random(1, 2000000000)
\\set r random(1, 2000000000)
WITH head AS (
  INSERT INTO heads(stream, version) VALUES ({stream}, 0)
  ON CONFLICT (stream) DO UPDATE SET version = heads.version + 1
  RETURNING version)
INSERT INTO events(event_id, stream, version, type, payload)
SELECT gen_random_uuid(), {stream}, head.version, '{type}', '{payload}'::jsonb FROM head;
"""
# The peer a user would pick instead of Spoor: an event store on PostgreSQL with an inline
# projection, as Marten does. In one transaction (one statement, one durable commit): the stream's
# version row checked and bumped (a new stream starts at 0), the event, and the case's state as a
# jsonb document of the size of Spoor's (`case show --json` of a case with a signal: 1,538 bytes)
# inserted or replaced.
INLINE = """\\set n random(1, 2000000000)
\\set r random(1, 2000000000)
WITH head AS (
  INSERT INTO heads(stream, version) VALUES ({stream}, 0)
  ON CONFLICT (stream) DO UPDATE SET version = heads.version + 1
  RETURNING version),
event AS (
  INSERT INTO events(event_id, stream, version, type, payload)
  SELECT gen_random_uuid(), {stream}, head.version, '{type}', '{payload}'::jsonb FROM head
  RETURNING version)
INSERT INTO cases(stream, version, state) SELECT {stream}, event.version, '{state}'::jsonb FROM event
ON CONFLICT (stream) DO UPDATE SET version = EXCLUDED.version, state = EXCLUDED.state;
"""
# A 1,538-byte case state, like Spoor's (no colon before a letter: pgbench would take it for a variable).
STATE = ('{"case":"c-000000000","version":3,"unit":"north","open": true,"erased": false,"openedOn":"2026-01-05",'
         '"youth":{"ageAtOpening":15,"gender":"female","nationalityGroup":"dutch"},"signals":[{"step":"consulted",'
         '"formsOfExploitation":["sexual"],"indicators":["online"]}],"timeline":[],"note":"' + "x" * 1249 + '"}')
assert len(STATE) == 1538, len(STATE)

# A 600-byte JSON payload, like an open-case event's.
PAYLOAD = ('{"caseID":"c-000000000","openedOn":"2026-01-05","unit":"north","youth":{"ageAtOpening":15,'
           '"gender":"female","nationalityGroup":"dutch"},"protocol":1,"note":"' + "x" * 441 + '"}')
assert 590 <= len(PAYLOAD) <= 610, len(PAYLOAD)

SCHEMA = """
CREATE TABLE heads (stream text PRIMARY KEY, version bigint NOT NULL);
CREATE TABLE events (
  position bigserial PRIMARY KEY,
  event_id uuid NOT NULL UNIQUE,
  stream text NOT NULL,
  version bigint NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (stream, version));
CREATE TABLE cases (stream text PRIMARY KEY, version bigint NOT NULL, state jsonb NOT NULL);
"""


def run(command, **kwargs):
    """Runs `command`; a failure ends the sitting saying what the command wrote to stderr."""
    result = subprocess.run(command, text=True, capture_output=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"{os.path.basename(command[0])} failed ({result.returncode}): {result.stderr.strip()[-2000:]}")
    return result


def cpu_of(pid, children=False):
    """User+system CPU seconds of a process (and of its waited-for children)."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12]) + ((int(fields[13]) + int(fields[14])) if children else 0)
    return ticks / os.sysconf("SC_CLK_TCK")


def switches_of(pid):
    """Context switches of all a process's threads, voluntary and not, as `perf stat -e context-switches` counts them."""
    total = 0
    for status in glob.glob(f"/proc/{pid}/task/*/status"):
        try:
            total += sum(int(n) for n in re.findall(r"ctxt_switches:\s+(\d+)", open(status).read()))
        except OSError:
            continue
    return total


def disk_written(folder):
    """Bytes the disk under `folder` has written so far (sectors written, /sys/dev/block/<major>:<minor>/stat):
    what reached the device, whoever wrote it. A process's own write_bytes is no measure here: it counted
    161 KiB a new case where the disk wrote 26 KiB and LMDB's pwrites 17 to 18 KiB (separate runs; BENCHMARKS.md, session 20).
    None where the kernel does not say (no such file): then no figure is printed, rather than a zero."""
    device = os.stat(folder).st_dev
    try:
        return int(open(f"/sys/dev/block/{os.major(device)}:{os.minor(device)}/stat").read().split()[6]) * 512
    except (OSError, IndexError, ValueError):
        return None


def written_since(folder, before):
    """Bytes the disk under `folder` wrote since `before` (from disk_written); None if unknown."""
    after = disk_written(folder)
    return None if before is None or after is None else after - before


def children_of(pid):
    found = []
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            fields = open(stat).read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.split("/")[2]))
    return found


def percentile(sorted_values, fraction):
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * fraction))] if sorted_values else 0.0


class Postgres:
    """A throw-away PostgreSQL 15 cluster in a temporary folder, on a Unix socket only."""

    def __init__(self, root):
        if not os.path.exists(f"{PG_BIN}/postgres"):
            sys.exit("PostgreSQL 15 is not installed: apt-get install -y postgresql-15 (Debian 12's postgresql)")
        self.folder = os.path.join(root, "postgres")
        os.makedirs(self.folder)
        # The server refuses to run as root: as root, it runs as the package's postgres user.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            os.chmod(root, 0o755)
            shutil.chown(self.folder, "postgres", "postgres")
        run(self.as_user + [f"{PG_BIN}/initdb", "-D", self.folder, "-A", "trust", "-U", "bench", "-E", "UTF8"])
        settings = ["listen_addresses=''", f"unix_socket_directories='{self.folder}'", "fsync=on", "synchronous_commit=on",
                    "full_page_writes=on", "max_connections=200", "shared_buffers=256MB", "max_wal_size=4GB"]
        with open(os.path.join(self.folder, "postgresql.conf"), "a") as conf:
            conf.write("\n".join(settings) + "\n")
        run(self.as_user + [f"{PG_BIN}/pg_ctl", "-D", self.folder, "-l", os.path.join(self.folder, "log"), "-w", "start"])
        self.pid = int(open(os.path.join(self.folder, "postmaster.pid")).readline())
        self.inline = False
        self.psql("CREATE DATABASE bench;", database="postgres")
        self.psql(SCHEMA)
        shown = self.psql("SHOW fsync; SHOW synchronous_commit; SHOW full_page_writes; SHOW wal_sync_method; SHOW server_version;")
        self.settings = " ".join(shown.split())

    def psql(self, sql, database="bench"):
        return run(["psql", "-X", "-q", "-t", "-A", "-h", self.folder, "-U", "bench", "-d", database, "-v", "ON_ERROR_STOP=1", "-c", sql]).stdout

    def server_cpu(self):
        return cpu_of(self.pid, children=True) + sum(cpu_of(child) for child in children_of(self.pid))

    def script(self, existing, history):
        # New stream per transaction (an opened case), or the client's own stream (a command on an existing case).
        stream = (f"'case-{history}-' || :client_id" if existing else "'case-' || :client_id || '-' || :n || '-' || :r")
        name = (f"existing-{history}" if existing else "new") + ("-inline" if self.inline else "")
        path = os.path.join(self.folder, name + ".sql")
        with open(path, "w") as f:
            f.write((INLINE if self.inline else APPEND).format(
                stream=stream, type="risk-assessed" if existing else "case-opened", payload=PAYLOAD, state=STATE))
        if self.as_user:
            shutil.chown(path, "postgres", "postgres")
        return path

    def fill(self, clients, history):
        """Each client's stream with `history` events already, as Spoor's set-up gives each connection a case of that many signals."""
        self.psql(f"""
            INSERT INTO heads(stream, version) SELECT 'case-{history}-' || c, {history} FROM generate_series(0, {clients - 1}) c ON CONFLICT DO NOTHING;
            INSERT INTO events(event_id, stream, version, type, payload)
              SELECT gen_random_uuid(), 'case-{history}-' || c, v, 'signal-recorded', '{PAYLOAD}'::jsonb
              FROM generate_series(0, {clients - 1}) c, generate_series(0, {history}) v ON CONFLICT DO NOTHING;
            INSERT INTO cases(stream, version, state) SELECT 'case-{history}-' || c, {history}, '{STATE}'::jsonb
              FROM generate_series(0, {clients - 1}) c ON CONFLICT DO NOTHING;""")

    def bench(self, clients, seconds, existing=False, rate=None, history=3, command=None):
        """`command` is Spoor's: here any command on an existing stream is an event appended and its document replaced."""
        if existing:
            self.fill(clients, history)
        logs = os.path.join(self.folder, "pgbench-log")
        shutil.rmtree(logs, ignore_errors=True)
        os.makedirs(logs)
        command = ["pgbench", "-n", "-h", self.folder, "-U", "bench", "-M", "prepared", "-c", str(clients), "-j", str(min(2, clients)),
                   "-T", str(int(seconds)), "-f", self.script(existing, history), "--log", "--log-prefix", os.path.join(logs, "tx")]
        if rate:
            command += ["-R", str(rate)]
        os.sync()  # what earlier runs left dirty is written now, not counted in this one
        before_server, before_client, written = self.server_cpu(), resource.getrusage(resource.RUSAGE_CHILDREN), disk_written(self.folder)
        output = run(command + ["bench"]).stdout
        written = written_since(self.folder, written)
        after_client = resource.getrusage(resource.RUSAGE_CHILDREN)
        time.sleep(0.5)  # the backends exit on disconnect; their CPU reaches the postmaster's once it reaps them
        server = self.server_cpu() - before_server
        tps = float(re.search(r"tps = ([\d.]+)", output).group(1))
        latencies = []
        for path in glob.glob(os.path.join(logs, "tx*")):
            for line in open(path):
                fields = line.split()
                # client_id transaction_no time script_no time_epoch time_us [schedule_lag]: latency from the schedule.
                latencies.append((int(fields[2]) + (int(fields[6]) if rate and len(fields) > 6 else 0)) / 1e6)
        latencies.sort()
        count = max(1, len(latencies))
        client = (after_client.ru_utime - before_client.ru_utime + after_client.ru_stime - before_client.ru_stime)
        return dict(rate=tps, p50=percentile(latencies, 0.5), p99=percentile(latencies, 0.99), server_cpu=server / count,
                    client_cpu=client / count, written=None if written is None else written / count)

    def replay(self):
        """Every event, in log order, streamed to a client: the peer of a projection rebuild."""
        count = int(self.psql("SELECT count(*) FROM events;").strip())
        started = time.monotonic()
        with open(os.devnull, "w") as sink:
            subprocess.run(["psql", "-X", "-q", "-h", self.folder, "-U", "bench", "-d", "bench", "-c",
                            "COPY (SELECT position, event_id, stream, version, type, payload, recorded_at FROM events ORDER BY position) TO STDOUT"],
                           check=True, stdout=sink)
        return count, time.monotonic() - started

    def stop(self):
        subprocess.run(self.as_user + [f"{PG_BIN}/pg_ctl", "-D", self.folder, "-m", "immediate", "stop"], capture_output=True)

    def with_inline_projection(self):
        """The same cluster as the event store a user would pick instead: each append also writes
        the case's state document (INLINE), as Marten's inline projections do."""
        view = copy.copy(self)
        view.inline = True
        return view


class Spoor:
    """A release spoord in development mode on a temporary folder, and the C load client."""

    def __init__(self, root, spoord, name="spoor", under=()):
        self.folder = os.path.join(root, name)
        os.makedirs(self.folder)
        self.client = os.path.join(root, "spoor-load")
        if not os.path.exists(self.client):
            run(["gcc", "-O2", "-Wall", "-pthread", "-o", self.client, os.path.join(HERE, "..", "client", "spoor-load.c")])
        self.process = subprocess.Popen([*under, spoord, "--development", self.folder, "--log-level", "warning"],
                                        stdout=subprocess.DEVNULL, stderr=open(os.path.join(root, f"{name}d.log"), "w"))
        self.socket = os.path.join(self.folder, "spoor.sock")
        for _ in range(3000):
            if os.path.exists(self.socket):
                break
            time.sleep(0.01)
        time.sleep(0.3)
        self.runs = 0

    def bench(self, clients, seconds, existing=False, rate=None, history=3, command="risk"):
        self.runs += 1
        command = [self.client, "--socket", self.socket, "--connections", str(clients), "--threads", str(min(2, clients)),
                   "--command", command if existing else "open-case", "--prefix", f"r{self.runs}"]
        if existing:  # the set-up, untimed and outside the daemon's CPU counted: each connection's case with `history` signals
            run(command + ["--seconds", "0", "--history", str(history)])
        command += ["--seconds", str(seconds), "--history", "0"]
        if rate:
            command += ["--rate", str(rate)]
        os.sync()  # what earlier runs left dirty is written now, not counted in this one
        before, switches, written = cpu_of(self.process.pid), switches_of(self.process.pid), disk_written(self.folder)
        output = run(command).stdout
        server, switches = cpu_of(self.process.pid) - before, switches_of(self.process.pid) - switches
        written = written_since(self.folder, written)
        values = dict(re.findall(r"(\w+)=([\d.]+)", output))
        requests = max(1, int(values["requests"]))
        return dict(rate=float(values["rate"]), p50=float(values["p50_us"]) / 1e6, p99=float(values["p99_us"]) / 1e6,
                    server_cpu=server / requests, client_cpu=float(values["client_cpu_us"]) / 1e6, switches=switches / requests,
                    written=None if written is None else written / requests)

    def replay(self):
        """A projection rebuild through the socket: every event decoded, folded, sealed and written aside."""
        import json, socket
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.connect(self.socket)
        started = time.monotonic()
        client.sendall(b'{"v":1,"id":"replay","method":"projections.rebuild","params":{}}\n')
        buffered = b""
        while True:
            chunk = client.recv(65536)
            if not chunk:
                raise RuntimeError("spoord closed the connection during the rebuild")
            buffered += chunk
            *lines, buffered = buffered.split(b"\n")
            done = [json.loads(line) for line in lines if line and json.loads(line).get("done")]
            if done:
                client.close()
                return int(done[0]["result"]["applied"]), time.monotonic() - started

    def rss_anon(self):
        """The daemon's anonymous resident memory, in MiB: its heap, not the store's pages it maps."""
        with open(f"/proc/{self.process.pid}/status") as status:
            return int(re.search(r"RssAnon:\s+(\d+) kB", status.read()).group(1)) / 1024

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


# What spoord's anonymous memory is held to after any of the runs and after a rebuild (issue 18).
MAX_RSS_ANON_MIB = 64

SCENARIOS = {
    # name: (clients, existing, rate, history: the events each existing case holds before the run)
    "1 client, open-case": (1, False, None, 0),
    "1 client, command on an existing case": (1, True, None, 3),
    "64 clients, open-case": (64, False, None, 0),
    "64 clients, command on an existing case": (64, True, None, 3),
    "fixed 1,000/s, 8 clients, open-case": (8, False, 1000, 0),
    # A command's cost and the case's size: the same command on cases of 10 and of 1,000 signals.
    "16 clients, command on a case of 10 signals": (16, True, None, 10),
    "16 clients, command on a case of 1,000 signals": (16, True, None, 1000),
    # A command that changes what the indexes hold: a signal recorded on each client's own case, which
    # grows by a signal each time (to thousands in a run), so that its worklist and statistics keys change.
    "16 clients, a signal on a growing case": (16, True, None, 1, "signal"),
}


def named(words, scenarios):
    """The scenarios' names that `words` picks: a whole name (which has commas of its own: "64 clients,
    open-case"), or comma-separated words one of a name must contain."""
    if words in scenarios:
        return [words]
    return [name for name in scenarios if any(word in name for word in words.split(","))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spoord", required=True)
    parser.add_argument("--before", help="a spoord built before the change, run in every round beside --spoord")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--replays", type=int, help="rounds of reading every event back (default: --rounds)")
    parser.add_argument("--only", default="", help="a scenario's whole name, or comma-separated words one of its name must contain, e.g. 64,fixed,signals")
    parser.add_argument("--unsynced", default="1 client", help="the scenarios (named as --only names them) in which the same spoord runs "
                        "under eatmydata too, without its syncs; \"\" for none")
    options = parser.parse_args()
    scenarios = {name: SCENARIOS[name] for name in named(options.only, SCENARIOS)} if options.only else SCENARIOS
    root = tempfile.mkdtemp(prefix="spoor-peer-", dir=os.environ.get("SPOOR_BENCH_DIR", "/var/tmp"))
    filesystem = run(["stat", "-f", "-c", "%T", root]).stdout.strip()
    if filesystem in ("tmpfs", "ramfs"):
        sys.exit(f"{root} is on {filesystem}, where a sync costs nothing: set SPOOR_BENCH_DIR to a folder on a disk")
    postgres = spoor = before = unsynced = None
    memory = {}
    results = {}
    replays = {"postgres": [], "inline": [], "spoor": [], "before": []}
    unsynced_in = named(options.unsynced, scenarios) if options.unsynced else []
    eatmydata = shutil.which("eatmydata")
    try:
        postgres = Postgres(root)
        spoor = Spoor(root, options.spoord)
        before = Spoor(root, options.before, name="before") if options.before else None
        if unsynced_in and eatmydata:
            unsynced = Spoor(root, options.spoord, name="unsynced", under=[eatmydata])
        inline = postgres.with_inline_projection()
        everyone = [("postgres", postgres), ("inline", inline), ("spoor", spoor)] + ([("before", before)] if before else [])
        print(f"Spoor ({options.spoord}) against PostgreSQL ({postgres.settings})"
              + (f" and the build before ({options.before})" if before else "")
              + f", on {filesystem} in {root}; {options.rounds} rounds of {options.seconds:g} s, alternating", flush=True)
        for round in range(options.rounds):
            for name, (clients, existing, rate, history, *command) in scenarios.items():
                # Each round starts with the next side, so that the machine's drift hits all alike.
                taking = everyone + ([("unsynced", unsynced)] if unsynced and name in unsynced_in else [])
                sides = taking[round % len(taking):] + taking[:round % len(taking)]
                for side, system in sides:
                    result = system.bench(clients, options.seconds, existing, rate, history, *command)
                    results.setdefault((name, side), []).append(result)
                    print(f"round {round + 1} {side:8} {name}: {result['rate']:8.0f}/s  p50 {result['p50'] * 1e3:6.2f} ms  "
                          f"p99 {result['p99'] * 1e3:6.2f} ms  server CPU {result['server_cpu'] * 1e6:5.0f} µs  "
                          f"client CPU {result['client_cpu'] * 1e6:5.1f} µs"
                          + (f"  {result['switches']:5.1f} switches" if "switches" in result else "")
                          + (f"  {result['written'] / 1024:5.1f} KiB written" if result["written"] is not None else ""), flush=True)
        memory["after the runs"] = spoor.rss_anon()
        # The stores as the runs left them: every event read back in order, alternating.
        for round in range((options.rounds if options.replays is None else options.replays) if results else 0):
            replaying = [(side, system) for side, system in everyone if side != "inline"]  # its events are in the bare peer's table
            for side, system in replaying[round % len(replaying):] + replaying[:round % len(replaying)]:
                events, seconds = system.replay()
                replays[side].append(events / seconds)
                print(f"round {round + 1} {side:8} replay of {events:,} events: {seconds:.2f} s, {events / seconds:,.0f} events/s", flush=True)
        if replays["spoor"]:
            memory["after the rebuilds"] = spoor.rss_anon()
    finally:
        if spoor:
            spoor.stop()
        if before:
            before.stop()
        if unsynced:
            unsynced.stop()
        if postgres:
            postgres.stop()
        shutil.rmtree(root, ignore_errors=True)

    def median(name, side, key):
        return statistics.median(r[key] for r in results[(name, side)])

    if replays["spoor"]:
        pg, sp = statistics.median(replays["postgres"]), statistics.median(replays["spoor"])
        print(f"\nreplay, events/s: PostgreSQL streams every row in order to psql {pg:,.0f}; Spoor rebuilds its projection {sp:,.0f} ({sp / pg:.2f}x)")
    over = {when: mib for when, mib in memory.items() if mib > MAX_RSS_ANON_MIB}
    print(f"\nspoord's RssAnon: " + ", ".join(f"{mib:.1f} MiB {when}" for when, mib in memory.items())
          + f" (held to {MAX_RSS_ANON_MIB} MiB{': OVER' if over else ''})")
    if not results:
        sys.exit(1 if over else 0)
    def table(peer, peer_title, title, client_cpu, side="spoor", names=scenarios):
        """Each scenario's medians, `side` against `peer`: throughput (or, at a fixed rate, the p99) as a ratio; against
        PostgreSQL each client's CPU, against another spoord each side's context switches per request."""
        print("| scenario | " + peer_title + " | " + title + " | ratio | p50 | p99 | server CPU per request | "
              + ("client CPU per request pgbench / spoor-load |" if client_cpu else "context switches per request |"))
        print("|---|---|---|---|---|---|---|---|")
        for name in names:
            was, now = median(name, peer, "rate"), median(name, side, "rate")
            fixed = scenarios[name][2] is not None
            ratio = f"p99 {median(name, side, 'p99') / median(name, peer, 'p99'):.2f}×" if fixed else f"{now / was:.2f}×"
            last = (f"{median(name, peer, 'client_cpu') * 1e6:.1f} / {median(name, side, 'client_cpu') * 1e6:.1f} µs" if client_cpu
                    else f"{median(name, peer, 'switches'):.1f} / {median(name, side, 'switches'):.1f}")
            print(f"| {name} | {was:,.0f} /s | {now:,.0f} /s | {ratio} | "
                  f"{median(name, peer, 'p50') * 1e3:.2f} / {median(name, side, 'p50') * 1e3:.2f} ms | "
                  f"{median(name, peer, 'p99') * 1e3:.2f} / {median(name, side, 'p99') * 1e3:.2f} ms | "
                  f"{median(name, peer, 'server_cpu') * 1e6:.0f} / {median(name, side, 'server_cpu') * 1e6:.0f} µs | {last} |")

    print(f"\nmedians of {options.rounds} runs each; ratio = Spoor / PostgreSQL (throughput: higher is better; p99: lower is better); "
          "p50, p99 and server CPU: PostgreSQL / Spoor")
    table("postgres", "PostgreSQL 15", "Spoor", client_cpu=True)
    print(f"\nagainst the peer a user would pick instead: PostgreSQL 15 as an event store with an inline projection "
          "(the event and the case's 1.5 KB jsonb state in one transaction, as Marten does); ratio = Spoor / inline")
    table("inline", "PG inline projection", "Spoor", client_cpu=True)
    if unsynced:
        print("\nSpoor with LMDB's two syncs made no-ops (the same spoord under eatmydata: not durable, a "
              "measurement only) against the inline peer at full durability; ratio = Spoor unsynced / inline. At 1x or "
              "more, what keeps durable Spoor from the peer is those two syncs and nothing else (issue 31)")
        table("inline", "PG inline projection", "Spoor unsynced", client_cpu=True, side="unsynced", names=unsynced_in)
        print("\nwhat the two syncs cost Spoor: ratio = durable / unsynced")
        table("unsynced", "Spoor unsynced", "Spoor", client_cpu=False, names=unsynced_in)
    elif unsynced_in:
        print("\nSpoor without LMDB's syncs: not measured; install eatmydata (apt-get install eatmydata)")
    if any(r["written"] is None for runs in results.values() for r in runs):
        print("\nwhat the disk wrote: not measured, the kernel gives no /sys/dev/block/<major>:<minor>/stat for the disk under the runs")
    else:
        print("\nwhat the disk wrote per request during each side's runs, medians (sectors written, /sys/dev/block/*/stat): "
              "PostgreSQL's WAL, and its tables' and indexes' pages as far as it wrote them back in the run (its checkpoint "
              "writes the rest later); Spoor's B-tree pages, all written at its commits")
        print("| scenario | PG bare | PG inline projection | Spoor |" + (" before |" if options.before else ""))
        print("|---|---|---|---|" + ("---|" if options.before else ""))
        for name in scenarios:
            sides = ["postgres", "inline", "spoor"] + (["before"] if options.before else [])
            print(f"| {name} | " + " | ".join(f"{median(name, side, 'written') / 1024:.1f} KiB" for side in sides) + " |")
    small, large = "16 clients, command on a case of 10 signals", "16 clients, command on a case of 1,000 signals"
    if small in scenarios and large in scenarios:
        print(f"\na command on a case of 1,000 signals against one of 10, throughput: PostgreSQL "
              f"{median(large, 'postgres', 'rate') / median(small, 'postgres', 'rate'):.2f}x, "
              f"Spoor {median(large, 'spoor', 'rate') / median(small, 'spoor', 'rate'):.2f}x")
    if options.before:
        print(f"\nthis build against the build before ({options.before}), medians of {options.rounds} runs each; "
              "ratio = this / before (throughput: higher is better; p99: lower is better); p50, p99 and server CPU: before / this")
        table("before", "before", "this build", client_cpu=False)
        if replays["before"]:
            was, now = statistics.median(replays["before"]), statistics.median(replays["spoor"])
            print(f"\nreplay, events/s: the build before {was:,.0f}; this build {now:,.0f} ({now / was:.2f}x)")
    if over:
        sys.exit(1)


if __name__ == "__main__":
    main()
