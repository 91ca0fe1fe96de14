#!/usr/bin/env python3
"""Validates JSON documents against Spoor's schemas (JSON Schema 2020-12), for the test suite.

    validate.py FOLDER FILE

FOLDER is a folder of schemas (e.g. Schemas/events); FILE holds one JSON object per line,
{"schema": NAME, "document": {...}}, checked against FOLDER/NAME.json, or against a part of it
when NAME has a fragment (results#/$defs/status). Every schema in FOLDER is checked to be a valid
schema first. Prints each failure and exits 1 if there is any.
"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator
from referencing import Registry, Resource


def main(folder: str, path: str) -> int:
    schemas = {p.stem: json.loads(p.read_text()) for p in sorted(pathlib.Path(folder).glob("*.json"))}
    for name, schema in schemas.items():
        Draft202012Validator.check_schema(schema)
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values())
    failures = 0
    for number, line in enumerate(pathlib.Path(path).read_text().splitlines(), 1):
        item = json.loads(line)
        name, _, fragment = item["schema"].partition("#")
        schema = schemas.get(name)
        if schema is not None and fragment:
            schema = {"$ref": schema["$id"] + "#" + fragment}
        if schema is None:
            print(f"line {number}: no schema {item['schema']}.json in {folder}")
            failures += 1
            continue
        for error in Draft202012Validator(schema, registry=registry).iter_errors(item["document"]):
            print(f"line {number} ({item['schema']}): {'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}")
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
