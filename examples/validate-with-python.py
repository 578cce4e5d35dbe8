#!/usr/bin/env python3
"""Validate gongwen's JSON output against its JSON Schema from Python.

    npx gongwen parse plan.pdf > plan.json
    python3 examples/validate-with-python.py plan.json [node_modules/gongwen/schema.json]

Uses the `jsonschema` package (draft 2020-12) when it is importable; without
it, a small standard-library check of the required top-level shape runs
instead and says so. Exit status 0 = valid, 1 = invalid.
"""
import json
import sys
from pathlib import Path

data_path = Path(sys.argv[1])
schema_path = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent / "schema.json"
data = json.loads(data_path.read_text(encoding="utf-8"))
schema = json.loads(schema_path.read_text(encoding="utf-8"))

try:
    import jsonschema
except ImportError:
    jsonschema = None

if jsonschema is not None:
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    for e in errors[:20]:
        print(f"invalid at /{'/'.join(map(str, e.absolute_path))}: {e.message}")
    checker = "jsonschema " + __import__("importlib.metadata").metadata.version("jsonschema")
else:
    # Standard library only: the required keys and types of the top level and of each document.
    errors = []
    for key in schema.get("required", []):
        if key not in data:
            errors.append(f"missing {key}")
    for i, doc in enumerate(data.get("documents", [])):
        for key in ("kind", "title", "sections", "diagnostics", "span"):
            if key not in doc:
                errors.append(f"documents[{i}] missing {key}")
    for e in errors:
        print(f"invalid: {e}")
    checker = "stdlib shape check (install jsonschema for full validation)"

docs = data.get("documents", [])
if errors:
    print(f"{data_path}: INVALID ({len(errors)} error(s); {checker})")
    sys.exit(1)
print(f"{data_path}: valid ({checker}); {len(docs)} document(s), {sum(len(d['sections']) for d in docs)} top-level sections")
