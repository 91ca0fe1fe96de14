#!/usr/bin/env python3
"""A client record system's integration with Spoor, written from the published schemas alone.

It speaks the daemon's socket protocol (Schemas/protocol: one JSON request per line, one JSON
reply per line) as the OS user of the integration, which the daemon's configuration gives the
role `delegate`. Each command names the carer the integration vouches for in `onBehalfOf`: the
daemon judges the command in that carer's roles and care relationships, and records the
integration's OS user as the actor beside it, both bound by the event's hash.

    spoor_client.py --socket /run/spoor/spoor.sock --on-behalf-of anna \\
        record-signal 2026-0042 '{"observedOn": "2026-12-03", "formsOfExploitation": ["sexual"], ...}'

With --schemas DIR (the Schemas folder) every request and reply is checked against the schemas
first, with the `jsonschema` package; nothing else is needed. Exit status as spoorctl's: 0 done,
65 a field or rule refused, 66 not found, 69 daemon unreachable, 75 conflict (retry), 77 denied.
"""
import argparse
import json
import pathlib
import socket
import sys
import uuid

EXIT = {"bad-request": 65, "frame-too-large": 65, "unsupported-version": 65, "invalid-field": 65, "rule-violated": 65,
        "not-found": 66, "unavailable": 69, "busy": 69, "conflict": 75, "denied": 77}


class Schemas:
    """The published schemas, checking what goes over the socket (optional: needs jsonschema)."""

    def __init__(self, folder):
        from jsonschema import Draft202012Validator
        from referencing import Registry, Resource
        files = sorted(pathlib.Path(folder, "protocol").glob("*.json"))
        resources = [Resource.from_contents(json.loads(f.read_text())) for f in files]
        registry = Registry().with_resources((r.id(), r) for r in resources)
        by_name = {f.name: r.contents for f, r in zip(files, resources)}
        self.request = Draft202012Validator(by_name["request.json"], registry=registry)
        self.response = Draft202012Validator(by_name["response.json"], registry=registry)
        self.results = by_name["results.json"]
        self.registry = registry

    def check_request(self, line):
        self.request.validate(line)

    def check_reply(self, method, reply):
        from jsonschema import Draft202012Validator
        self.response.validate(reply)
        if reply.get("ok"):
            schema = {"$ref": self.results["$id"] + "#/$defs/" + method}
            Draft202012Validator(schema, registry=self.registry).validate(reply["result"])


class Spoor:
    """One connection to the daemon; the daemon knows the caller by the socket's peer credentials."""

    def __init__(self, path, schemas=None):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.reader = self.sock.makefile("rb")
        self.schemas = schemas

    def call(self, method, params=None):
        request = {"v": 1, "id": str(uuid.uuid4()), "method": method, "params": params or {}}
        if self.schemas:
            self.schemas.check_request(request)
        self.sock.sendall(json.dumps(request, ensure_ascii=False).encode() + b"\n")
        reply = json.loads(self.reader.readline())
        if self.schemas:
            self.schemas.check_reply(method, reply)
        return reply

    def command(self, case, command, body, on_behalf_of=None, event_id=None):
        params = {"case": case, "command": command, "body": body, "eventID": event_id or str(uuid.uuid4())}
        if on_behalf_of:
            params["onBehalfOf"] = on_behalf_of
        return self.call("case.command", params)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--socket", default="/run/spoor/spoor.sock")
    parser.add_argument("--schemas", help="the Schemas folder: check every request and reply against it")
    parser.add_argument("--on-behalf-of", help="the carer of the configuration the integration vouches for")
    parser.add_argument("command", help="the command's name in the protocol, e.g. record-signal")
    parser.add_argument("case", help="the case id")
    parser.add_argument("body", help="the command's body, as JSON (Schemas/protocol/commands.json)")
    args = parser.parse_args()
    try:
        spoor = Spoor(args.socket, Schemas(args.schemas) if args.schemas else None)
    except OSError as error:
        print(f"spoor_client: cannot reach the daemon at {args.socket}: {error.strerror}", file=sys.stderr)
        return 69
    reply = spoor.command(args.case, args.command, json.loads(args.body), args.on_behalf_of)
    if not reply["ok"]:
        error = reply["error"]
        field = f"{error['field']}: " if "field" in error else ""
        print(f"spoor_client: {error['code']}: {field}{error['message']}", file=sys.stderr)
        return EXIT.get(reply["error"]["code"], 70)
    print(json.dumps(reply["result"], ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
