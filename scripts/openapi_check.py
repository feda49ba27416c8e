#!/usr/bin/env python3
"""Validates the hub's OpenAPI document and lists (or checks) its operations.

    python3 scripts/openapi_check.py [docs/openapi.yaml] [--routes FILE]

Validates the document against the OpenAPI 3.1 schema (openapi-spec-validator) and prints one line
per operation, `METHOD /path`, METHOD upper-case, sorted, to stdout.

With `--routes FILE` (`-` for stdin) it also compares the operations with the lines of FILE (same
`METHOD /path` format; blank lines and lines starting with `#` are skipped) and reports on stderr
  missing: METHOD /path   a route in FILE that the document does not describe
  extra:   METHOD /path   an operation in the document that is not in FILE

Exit status: 0 when valid (and, with --routes, identical); 1 when the document cannot be read or is
invalid, or the routes differ; 2 for usage errors.

Needs openapi-spec-validator and PyYAML (scripts/install-deps.sh test installs both).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
DEFAULT_DOCUMENT = Path(__file__).resolve().parent.parent / "docs" / "openapi.yaml"


def fail(message: str) -> None:
    print(f"openapi_check: {message}", file=sys.stderr)
    sys.exit(1)


def load(path: Path) -> dict:
    try:
        import yaml
    except ImportError:
        fail("PyYAML is not installed (pip install PyYAML==6.0.3, or scripts/install-deps.sh test)")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        fail(f"cannot read {path}: {error}")
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        fail(f"{path} is not valid YAML: {error}")
    if not isinstance(document, dict):
        fail(f"{path}: the document is not a mapping")
    return document


def validate(document: dict, path: Path) -> None:
    try:
        from openapi_spec_validator import OpenAPIV31SpecValidator
    except ImportError:
        fail("openapi-spec-validator is not installed (pip install openapi-spec-validator==0.9.0, "
             "or scripts/install-deps.sh test)")
    version = str(document.get("openapi", ""))
    if not version.startswith("3.1."):
        fail(f"{path}: expected an OpenAPI 3.1 document, found openapi: {version or '(missing)'}")
    errors = list(OpenAPIV31SpecValidator(document, base_uri=path.resolve().as_uri()).iter_errors())
    if errors:
        lines = [f"{path} is not a valid OpenAPI 3.1 document ({len(errors)} error(s)):"]
        for error in errors:
            where = "".join(f"[{part!r}]" for part in getattr(error, "path", []) or [])
            lines.append(f"  {'at ' + where + ': ' if where else ''}{getattr(error, 'message', error)}")
        fail("\n".join(lines))


def operations(document: dict) -> list[str]:
    result = []
    for route, item in (document.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            if method in item:
                result.append(f"{method.upper()} {route}")
    return sorted(result)


def read_routes(name: str) -> list[str]:
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except OSError as error:
        fail(f"cannot read {name}: {error}")
    routes = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 2 or not parts[1].startswith("/"):
            fail(f"{name}:{number}: expected 'METHOD /path', got {raw!r}")
        routes.append(f"{parts[0].upper()} {parts[1]}")
    return routes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("document", nargs="?", default=str(DEFAULT_DOCUMENT),
                        help="the OpenAPI document (default: docs/openapi.yaml)")
    parser.add_argument("--routes", metavar="FILE",
                        help="lines 'METHOD /path' the server serves; report missing and extra operations")
    args = parser.parse_args()

    path = Path(args.document)
    document = load(path)
    validate(document, path)
    listed = operations(document)
    print("\n".join(listed))

    if args.routes is None:
        return 0
    served = read_routes(args.routes)
    duplicates = sorted({route for route in served if served.count(route) > 1})
    missing = sorted(set(served) - set(listed))
    extra = sorted(set(listed) - set(served))
    for route in duplicates:
        print(f"duplicate: {route}", file=sys.stderr)
    for route in missing:
        print(f"missing: {route}", file=sys.stderr)
    for route in extra:
        print(f"extra: {route}", file=sys.stderr)
    if missing or extra or duplicates:
        print(f"openapi_check: {len(missing)} missing, {len(extra)} extra, {len(duplicates)} duplicate "
              f"(document {len(listed)} operations, routes file {len(served)} lines)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
