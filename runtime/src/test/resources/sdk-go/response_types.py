#!/usr/bin/env python3
"""Writes response-types.tsv: the JSON type every member of every *Response struct of Kingsoft's
generated sdk-go (kec, vpc, sks) must have for Go's encoding/json to decode it into that struct.

    python3 response_types.py /path/to/sdk-go/ksyun/client > response-types.tsv

The input is the directory holding {kec/v20160304,vpc/v20160304,sks/v20151101}/models.go of
kingsoftcloud/sdk-go at commit 831e7c6a67d16bdc33239b838f4c29d1090493dd. Only the facts are kept
(struct, member path, Go type); no code. Go type → JSON type: *string → string, *int/*int64 →
integer (a number without a fraction), *float64 → number, *bool → boolean, struct → object,
[]T → array (its items under path[]).
"""
import re
import sys

FILES = ["kec/v20160304", "vpc/v20160304", "sks/v20151101"]
SCALARS = {"string": "string", "bool": "boolean", "float64": "number", "float32": "number"}


def json_type(go):
    if go in SCALARS:
        return SCALARS[go]
    if re.fullmatch(r"u?int(8|16|32|64)?", go):
        return "integer"
    raise SystemExit("unknown Go type " + go)


def members(lines, i, prefix, rows, struct):
    """Reads struct members from line i to the closing brace; returns the line after it."""
    while i < len(lines):
        line = lines[i].strip()
        if line.startswith("}"):
            return i + 1
        nested = re.match(r"^(\w+)\s+(\[\])?struct \{$", line)
        if nested:
            name, is_list = nested.groups()
            inner = []
            i = members(lines, i + 1, "", inner, struct)
            tag = re.search(r'json:"([^",]+)', lines[i - 1])
            key = tag.group(1) if tag else name
            path = prefix + key
            if is_list:
                rows.append((struct, path, "array"))
                rows.append((struct, path + "[]", "object"))
                rows.extend((s, path + "[]." + p, t) for s, p, t in inner)
            else:
                rows.append((struct, path, "object"))
                rows.extend((s, path + "." + p, t) for s, p, t in inner)
            continue
        scalar = re.match(r"^(\w+)\s+(\[\])?\*?([\w.]+)\s*(`.*`)?$", line)
        if scalar and not scalar.group(3).startswith("ksyunhttp."):
            name, is_list, go, tag = scalar.groups()
            found = re.search(r'json:"([^",]+)', tag or "")
            key = found.group(1) if found else name
            if is_list:
                rows.append((struct, prefix + key, "array"))
                rows.append((struct, prefix + key + "[]", json_type(go)))
            else:
                rows.append((struct, prefix + key, json_type(go)))
        i += 1
    return i


def main(root):
    print("# service\tstruct\tpath\tjson type — from kingsoftcloud/sdk-go 831e7c6 (see response_types.py)")
    for folder in FILES:
        lines = open(f"{root}/{folder}/models.go", encoding="utf-8").read().split("\n")
        i = 0
        while i < len(lines):
            head = re.match(r"^type (\w+Response) struct \{$", lines[i])
            if not head:
                i += 1
                continue
            rows = []
            i = members(lines, i + 1, "", rows, head.group(1))
            for struct, path, kind in rows:
                print(f"{folder.split('/')[0]}\t{struct}\t{path}\t{kind}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/wt/sdk-go")
