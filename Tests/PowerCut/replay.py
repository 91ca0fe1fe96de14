#!/usr/bin/env python3
"""Builds a store's data file as a power cut would leave it, from powercut.c's record.

    replay.py LOG OUT SEED

What was durable when the daemon was killed (every write before the last completed sync, and every
write on an O_DSYNC descriptor) is applied; of the writes after the last sync, a random subset
(seeded), in order, as a disk may have written some of its queue before the power went.
Returns the number of writes applied and left out.
"""
import os
import random
import struct
import sys


def records(path):
    data = open(path, "rb").read()
    at, out = 0, []
    while at < len(data):
        kind = data[at:at + 1]
        if kind == b"S":
            out.append(("S",))
            at += 1
        elif kind == b"W":
            if at + 14 > len(data):
                break  # cut off by the kill: this write had not returned
            durable, offset, length = struct.unpack_from("<BQI", data, at + 1)
            if at + 14 + length > len(data):
                break
            out.append(("W", bool(durable), offset, data[at + 14:at + 14 + length]))
            at += 14 + length
        else:
            raise SystemExit(f"unreadable record at byte {at}")
    return out


def main(log, out, seed):
    recs = records(log)
    last_sync = max((i for i, r in enumerate(recs) if r[0] == "S"), default=-1)
    if os.environ.get("POWERCUT_CONTROL") == "no-sync":
        # The control: as if nothing were ever synced, to show the harness finds the loss.
        last_sync = -1
        recs = [r if r[0] != "W" else ("W", False, r[2], r[3]) for r in recs]
    rng = random.Random(seed)
    image = bytearray()
    applied = dropped = 0
    for i, r in enumerate(recs):
        if r[0] != "W":
            continue
        _, durable, offset, payload = r
        if i < last_sync or durable or rng.random() < 0.5:
            if len(image) < offset + len(payload):
                image.extend(b"\0" * (offset + len(payload) - len(image)))
            image[offset:offset + len(payload)] = payload
            applied += 1
        else:
            dropped += 1
    open(out, "wb").write(image)
    print(f"{applied} {dropped}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
