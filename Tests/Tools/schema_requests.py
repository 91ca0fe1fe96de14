#!/usr/bin/env python3
"""Requests a client would generate from Spoor's published schemas, as property-based tools do.

    schema_requests.py EXAMPLES OUT [commands|params]

For each case command in Schemas/protocol/commands.json and each method's parameters in
Schemas/protocol/params.json, draws EXAMPLES documents with hypothesis-jsonschema (derandomized,
so that a run is repeatable) and writes one JSON line each to OUT: {"command": NAME, "body": {...}}
or {"method": NAME, "params": {...}}; only the commands or the parameters when told. The tests hold the daemon's decoders to them: a document the
schema allows must never be refused as malformed.
"""
import json
import pathlib
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis_jsonschema import from_schema

PROTOCOL = pathlib.Path(__file__).resolve().parents[2] / "Schemas" / "protocol"


def inlined(node, document):
    """`node` with each local $ref replaced by what it names: hypothesis-jsonschema reads no references."""
    if isinstance(node, list):
        return [inlined(item, document) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target = document
        for part in node["$ref"].partition("#")[2].strip("/").split("/"):
            target = target[part]
        return inlined({**target, **{k: v for k, v in node.items() if k != "$ref"}}, document)
    return {key: inlined(value, document) for key, value in node.items()}


def draw(schema, examples):
    found = []

    @settings(max_examples=examples, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(from_schema(schema))
    def collect(document):
        found.append(document)

    collect()
    return found


def main(examples, out, only=None):
    commands = json.loads((PROTOCOL / "commands.json").read_text())
    params = json.loads((PROTOCOL / "params.json").read_text())
    lines = []
    for name, schema in commands["$defs"].items() if only != "params" else ():
        lines += [{"command": name, "body": body} for body in draw(inlined(schema, commands), examples)]
    for name, schema in params["$defs"].items() if only != "commands" else ():
        if name == "case.command" or schema.get("type") != "object":  # a command's body is drawn above; `day` is no method
            continue
        lines += [{"method": name, "params": p} for p in draw(inlined(schema, params), examples)]
    pathlib.Path(out).write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), sys.argv[2], *sys.argv[3:4]))
