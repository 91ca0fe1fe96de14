#!/usr/bin/env python3
"""Checks a c2sp.org/tlog-cosignature (cosignature/v1, Ed25519) line over a checkpoint, written
from the spec alone, with no Spoor code: nobody here wrote both sides.

    cosigcheck.py VERIFIER_KEY CHECKPOINT_FILE COSIGNATURE_FILE

VERIFIER_KEY is name+keyid+base64(0x04 || key). Prints "cosigned at <time>" and exits 0 when the
cosignature line of that key verifies, 1 otherwise.
"""
import base64
import hashlib
import struct
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def main(vkey, checkpoint_path, cosignature_path):
    name, key_id_hex, blob = vkey.strip().split("+", 2)
    raw = base64.b64decode(blob)
    assert raw[0] == 0x04 and len(raw) == 33, "not an Ed25519 cosignature key (type 0x04)"
    public = raw[1:]
    key_id = hashlib.sha256(name.encode() + b"\n" + b"\x04" + public).digest()[:4]
    assert key_id.hex() == key_id_hex, "the key id does not match"
    note = open(checkpoint_path, encoding="utf-8").read()
    body = note.split("\n\n", 1)[0] + "\n"  # the whole note body, final newline included
    for line in open(cosignature_path, encoding="utf-8").read().splitlines():
        if not line.startswith("\u2014 " + name + " "):
            continue
        sig = base64.b64decode(line.split(" ", 2)[2])
        if len(sig) != 4 + 8 + 64 or sig[:4] != key_id:
            continue
        (timestamp,) = struct.unpack(">Q", sig[4:12])
        message = b"cosignature/v1\ntime " + str(timestamp).encode() + b"\n" + body.encode()
        try:
            Ed25519PublicKey.from_public_bytes(public).verify(sig[12:], message)
        except InvalidSignature:
            print("the cosignature does not verify")
            return 1
        print(f"cosigned at {timestamp}")
        return 0
    print("no cosignature by " + name)
    return 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
