#!/usr/bin/env python3
"""Derives the case commands' request schemas from the event schemas: Schemas/protocol/commands.json,
the body of each command, and the command names and bodies of `case.command` in params.json.

    commands.py CATALOGUE [--write]

CATALOGUE is the event catalogue as the domain holds it, one JSON object per line:
{"command": "record-signal", "type": "signal-recorded", "assigned": ["signalID"]}. A command's body
is its event's fields less those the case assigns and the protocol stamp of stored events, with
every $ref inlined (so that a generator such as hypothesis-jsonschema reads it as it is). Without
--write, says where the checked-in file differs and exits 1; with --write, writes it.
"""
import copy
import json
import pathlib
import sys

SCHEMAS = pathlib.Path(__file__).parent
EVENTS = SCHEMAS / "events"
TARGET = SCHEMAS / "protocol" / "commands.json"
PARAMS = SCHEMAS / "protocol" / "params.json"
STORED_ONLY = {"protocol"}


def inline(node, document):
    """`node` with each $ref (to defs.json or within `document`) replaced by what it names."""
    if isinstance(node, list):
        return [inline(item, document) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        source = json.loads((EVENTS / target).read_text()) if target else document
        for part in pointer.strip("/").split("/"):
            source = source[part]
        merged = {**inline(copy.deepcopy(source), source if target else document), **{k: v for k, v in node.items() if k != "$ref"}}
        return inline(merged, document)
    return {key: inline(value, document) for key, value in node.items()}


def body(entry):
    event = json.loads((EVENTS / f"{entry['type']}.json").read_text())
    dropped = set(entry["assigned"]) | STORED_ONLY
    schema = inline({key: value for key, value in event.items() if key not in ("$schema", "$id")}, event)
    schema["title"] = entry["command"]
    schema["description"] = f"The body of {entry['command']}: the fields of {entry['type']} (Schemas/events) a client sends; " \
        + (f"the case assigns {', '.join(sorted(entry['assigned']))}." if entry["assigned"] else "the case assigns none.")
    schema["properties"] = {key: value for key, value in schema["properties"].items() if key not in dropped}
    schema["required"] = [key for key in schema.get("required", []) if key not in dropped]
    return schema


def main(catalogue, write):
    entries = [json.loads(line) for line in pathlib.Path(catalogue).read_text().splitlines() if line.strip()]
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://spoor.invalid/schemas/protocol/commands.json",
        "title": "The body of each case command",
        "description": "Derived from Schemas/events and the domain's event catalogue by Schemas/commands.py; do not edit by hand.",
        "$defs": {entry["command"]: body(entry) for entry in sorted(entries, key=lambda e: e["command"])},
    }
    params = json.loads(PARAMS.read_text())
    command = params["$defs"]["case.command"]
    command["properties"]["command"]["enum"] = sorted(document["$defs"])
    command["properties"]["body"] = {"type": "object", "description": "The command's body: Schemas/protocol/commands.json, by command."}
    command["allOf"] = [{"if": {"properties": {"command": {"const": name}}},
                         "then": {"properties": {"body": {"$ref": f"commands.json#/$defs/{name}"}}}} for name in sorted(document["$defs"])]
    stale = 0
    for path, value in ((TARGET, document), (PARAMS, params)):
        text = json.dumps(value, indent=2, ensure_ascii=False) + "\n"
        if write:
            path.write_text(text)
        elif not path.exists() or path.read_text() != text:
            print(f"{path} is not what the catalogue and the event schemas give: run `make schemas`")
            stale += 1
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], "--write" in sys.argv[2:]))
