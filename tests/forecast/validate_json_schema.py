#!/usr/bin/python3
"""Checks a JSON document against a JSON Schema (draft 2020-12) with Debian's python3-jsonschema.

Usage: validate_json_schema.py SCHEMA DOCUMENT
Exit status: 0 valid; 1 invalid (the first error, by place, on stdout); 3 the check could not run.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed (make test installs it)")
    sys.exit(3)


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 3
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        document = json.load(f)
    validator_class = jsonschema.Draft202012Validator
    validator_class.check_schema(schema)  # the schema itself must be a valid 2020-12 schema
    errors = sorted(validator_class(schema).iter_errors(document), key=lambda e: [str(p) for p in e.path])
    if errors:
        first = errors[0]
        print("/" + "/".join(str(p) for p in first.path) + ": " + first.message)
        return 1
    print("valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
