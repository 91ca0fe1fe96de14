#!/usr/bin/env python3
"""Power cuts under load: RELIABILITY.md.

    harness.py SPOORD POWERCUT_SO POINTS [CLIENTS]

For each crash point: a fresh spoord (development mode) runs with the powercut.c shim while
CLIENTS clients open cases as fast as they can; after a random time it is killed with SIGKILL;
replay.py builds the data file as a power cut at that moment would leave it; then, on that image,
`spoord --verify-store` must find the store intact, and a spoord started on it must hold every
case whose opening was acknowledged, with a projection equal to a fresh fold. Exits 1 on the
first failure, naming the point and its seed.
"""
import json, os, random, shutil, signal, socket, subprocess, sys, tempfile, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))


def request(sock_path, method, params, rid="1"):
    with socket.socket(socket.AF_UNIX) as s:
        s.connect(sock_path)
        s.sendall((json.dumps({"v": 1, "id": rid, "method": method, "params": params}) + "\n").encode())
        buf = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                raise ConnectionError("closed")
            buf += chunk
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                reply = json.loads(line)
                if reply.get("done"):
                    return reply


def wait_for(sock_path, process, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"spoord exited with {process.returncode}")
        try:
            if request(sock_path, "status", {}).get("ok"):
                return
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit("spoord did not serve")


def opener(sock_path, prefix, stop, acked):
    """Opens cases one after another on one connection, keeping the acknowledged ones."""
    try:
        s = socket.socket(socket.AF_UNIX)
        s.connect(sock_path)
        f = s.makefile("rwb")
        n = 0
        while not stop.is_set():
            case = f"{prefix}-{n}"
            body = {"unit": "u", "openedOn": "2026-11-02", "youth": {"gender": "female", "nationalityGroup": "dutch", "ageAtOpening": 15},
                    "personal": {"name": "N " + case, "birthDate": "2011-01-01"}}
            f.write((json.dumps({"v": 1, "id": case, "method": "case.command", "params": {"case": case, "command": "open-case", "body": body}}) + "\n").encode())
            f.flush()
            line = f.readline()
            if not line:
                return
            reply = json.loads(line)
            if reply.get("ok"):
                acked.append((case, reply["result"]["position"]))
            n += 1
    except OSError:
        return


def point(spoord, shim, clients, seed, work):
    rng = random.Random(seed)
    folder = os.path.join(work, "live")
    log = os.path.join(work, "writes.log")
    env = dict(os.environ, LD_PRELOAD=shim, POWERCUT_LOG=log)
    daemon = subprocess.Popen([spoord, "--development", folder, "--log-level", "warning"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sock = os.path.join(folder, "spoor.sock")
    wait_for(sock, daemon)
    stop, acked = threading.Event(), []
    threads = [threading.Thread(target=opener, args=(sock, f"c{seed}-{i}", stop, acked)) for i in range(clients)]
    for t in threads:
        t.start()
    time.sleep(rng.uniform(0.1, 1.2))
    daemon.send_signal(signal.SIGKILL)
    daemon.wait()
    stop.set()
    for t in threads:
        t.join()
    image = os.path.join(work, "image")
    os.makedirs(os.path.join(image, "data"))
    for key in ("dev-master-key", "dev-signing-key"):
        shutil.copy(os.path.join(folder, key), image)
    counts = subprocess.run([sys.executable, os.path.join(HERE, "replay.py"), log, os.path.join(image, "data", "data.mdb"), str(seed)],
                            capture_output=True, text=True, check=True).stdout.split()
    verified = subprocess.run([spoord, "--development", image, "--verify-store"], capture_output=True, text=True)
    if verified.returncode != 0:
        return f"verify-store: {verified.stdout.strip()} {verified.stderr.strip()}"
    restarted = subprocess.Popen([spoord, "--development", image, "--log-level", "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        sock = os.path.join(image, "spoor.sock")
        wait_for(sock, restarted)
        last = request(sock, "status", {})["result"]["lastPosition"]
        missing = [case for case, position in acked if position > last]
        for case, _ in acked:
            reply = request(sock, "case.show", {"case": case})
            if not reply.get("ok") or reply["result"]["personal"]["name"] != "N " + case:
                missing.append(case)
        if missing:
            return f"{len(missing)} acknowledged cases lost, first {missing[0]} (log ends at {last})"
        before = request(sock, "worklist", {"on": "2026-12-31"})["result"]
        if not request(sock, "projections.rebuild", {}).get("ok"):
            return "the rebuild failed"
        after = request(sock, "worklist", {"on": "2026-12-31"})["result"]
        if before != after:
            return "the projection differs from a fresh fold"
        return (len(acked), last, counts)
    finally:
        restarted.send_signal(signal.SIGTERM)
        restarted.wait()


def main():
    spoord, shim, points = sys.argv[1], sys.argv[2], int(sys.argv[3])
    clients = int(sys.argv[4]) if len(sys.argv) > 4 else 32
    acked_total = dropped_total = 0
    started = time.time()
    for seed in range(1, points + 1):
        with tempfile.TemporaryDirectory(prefix="powercut-") as work:
            result = point(spoord, shim, clients, seed, work)
        if isinstance(result, str):
            print(f"crash point {seed} (seed {seed}): {result}")
            sys.exit(1)
        acked, last, (applied, dropped) = result
        acked_total += acked
        dropped_total += int(dropped)
    print(f"{points} crash points, {clients} clients: {acked_total} acknowledged cases, none lost; "
          f"{dropped_total} unsynced writes left out; every store intact and its projection a fresh fold; {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
