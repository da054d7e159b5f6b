#!/usr/bin/python3
"""Checks docs/network.schema.json, the JSON Schema of the network file.

Run with Debian's /usr/bin/python3 (python3-yaml, python3-jsonschema 4.10):

    /usr/bin/python3 tests/network-schema.py

Prints one line per check, `ok NAME` or `not ok NAME: why`, and exits 0
whatever the results: the caller counts the lines.

The checks: the schema is a valid draft-07 schema that describes every
property; its date pattern accepts and refuses the examples of
docs/format.md section 5; every networks/*.yaml, docs/example.yaml and
tests/fixtures/*.yaml validates; each tests/bad/*.yaml whose mistake a
schema can see fails, with exactly the instance paths listed in BAD below
(so a schema that rejects a file for the wrong reason fails the check);
the bad files whose mistakes only `actornet check` sees validate.
"""

import glob
import json
import os
import re
import sys

import jsonschema
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA = os.path.join(ROOT, "docs", "network.schema.json")

# Expected instance paths (JSON pointers; "" is the document itself) of the
# errors the schema reports for each bad file whose mistake it can see.
BAD = {
    # Dates in prose: 1990s, 1980 - 1989, 1994-2001, March 2003, 11 March 2003,
    # Sept. 4, 2006 and 31 February 2003 (check suggests what was meant).
    "date-words.yaml": {"/ties/%d/when" % i for i in range(7)},
    # actors written as a list of one-key mappings.
    "list-for-mapping.yaml": {"/actors"},
    # 2009-02-30 (no day 30 in February), 1995-13, 1X95 and "spring 1990".
    # The plain 95 is not here: YAML 1.2 reads it as the integer 95, which
    # the schema must accept as a year (0095 is the same integer).
    "bad-date.yaml": {"/ties/0/when", "/ties/1/when", "/ties/3/when", "/ties/4/when"},
    # format 2, the javascript: url, kind stat, the id "P R K" (reported on
    # the mapping that holds it), color red, confidence sure, grade Z9, the
    # tie id "two words". The unknown source s2 and part_of IRQ are check's.
    "bad-values.yaml": {"/format", "/sources/s1/url", "/actors/IRN/kind", "/actors",
                        "/types/tunnels/color", "/ties/0/confidence", "/ties/0/grade",
                        "/ties/1/id"},
    # IRN without kind, PRK without name, the tie without from and to.
    "missing-keys.yaml": {"/actors/IRN", "/actors/PRK", "/ties/0"},
    # colour in the network, regoin in IRN, confidance in the tie.
    "unknown-key.yaml": {"", "/actors/IRN", "/ties/0"},
    # name: [Iran], mutual: yes (a text in YAML 1.2), sources: {a: b}.
    "wrong-type.yaml": {"/actors/IRN/name", "/ties/0/mutual", "/ties/0/sources"},
    # to: [PRK, PRK] lists PRK twice (uniqueItems); the ties from an actor to
    # itself are check's.
    "self-tie.yaml": {"/ties/1/to"},
    # Texts with commas in braces leave "parliament)", "arms" and "missiles)"
    # as keys; "regoin" is an unknown key.
    "comma-in-braces.yaml": {"/ties/0", "/ties/1", "/ties/2"},
    # mutual: yes (a text in YAML 1.2; the plain NO and On are texts there too).
    "yes-no.yaml": {"/ties/0/mutual"},
    # Overlapping names are check's; the name without when, the when without
    # name, the text item and the empty list are the schema's too.
    "dated-names.yaml": {"/actors/AFG/names/2", "/actors/AFG/names/3", "/actors/AFG/names/4",
                         "/actors/PAK/names", "/actors/IRN"},
    # at: out of range, too few or many numbers, texts, a mapping, nested nodes
    # (0x10 is the integer 16 to YAML 1.1; check refuses it).
    "at.yaml": {"/actors/LAT/at/0", "/actors/LON/at/1", "/actors/MAP/at", "/actors/NAN/at/0",
                "/actors/NAN/at/1", "/actors/NESTED/at/0", "/actors/NESTED/at/1", "/actors/NONE/at",
                "/actors/QUOTED/at/0", "/actors/TEXT/at", "/actors/THREE/at", "/actors/WORD/at/0"},
    # An empty file is null, and a list is not a mapping.
    "empty.yaml": {""},
    "not-a-mapping.yaml": {""},
}

# Bad files whose mistakes only `actornet check` sees: the schema accepts them.
VALID_BAD = [
    "lifetimes.yaml",         # ties outside their actors' `when`
    "unknown-actor.yaml",     # unknown actor ids
    "end-before-start.yaml",  # 1999/1990
    "unknown-type.yaml",      # tie types neither built in nor declared
]

# Bad files left out: their mistakes are in the YAML itself, which the YAML
# parser (or the editor's YAML language server) reports before any schema.
SKIPPED = {
    "alias-undefined.yaml": "an alias without anchor: a YAML error",
    "colon-in-braces.yaml": "a YAML syntax error (': ' in an unquoted text in braces)",
    "colon-in-text.yaml": "a YAML syntax error (': ' in an unquoted text)",
    "hash-in-braces.yaml": "a YAML syntax error (a comment hides the closing '}')",
    "indent-key.yaml": "a YAML syntax error (a key indented more than its siblings)",
    "indent-value.yaml": "a YAML syntax error (a key indented more than the one above)",
    "unclosed-bracket.yaml": "a YAML syntax error (a '[' not closed)",
    "unclosed-quote.yaml": "a YAML syntax error (a quote not closed)",
    "duplicate-key.yaml": "duplicate keys: the YAML parser keeps the last one",
    "not-utf8.yaml": "an encoding error",
    "syntax.yaml": "a YAML syntax error",
    "tabs.yaml": "a YAML syntax error (tab indentation)",
    "yaml-features.yaml": "%YAML 1.2, a tag, a merge key and a second document",
}

# format.md section 5: dates the schema accepts...
DATES_OK = [
    "1995", "2009-12", "2009-12-11", "199X", "19XX", "1995?", "1995~", "1995%",
    "199X?", "2009-12-11~", "2000-02-29", "2008-02-29", "0000", "9999",
    "1980/1988", "2009-12/2011?", "1973/..", "../1989", "2010/", "/1989",
    "198X/..", "1979?/1989", "199X/1995", "1995/199X", "2001-09-11/2003~",
    1995, 0, 995, 9999,
    # Only check sees these: an end before the start, and leap years.
    "1999/1990", "2009-02-29",
]
# ... and dates it refuses.
DATES_BAD = [
    "95", "1990s", "spring 1990", "1995-1999", "2009-1", "2009-12-11T10:00", "-500", "",
    "1995-13", "2009-00", "2009-12-00", "2009-12-32", "2009-02-30", "2009-04-31",
    "1X95", "1XXX", "2009-12-XX", "199X-05", "199x", "1995??", "1995?~", "?1995",
    " 1995", "1995 ", "..", "/", "../..", "../", "/..", "1980/1988/1990", "1995/ 1996",
    -500, 10000, 1995.5, True, None,
]


# libyaml's parser when PyYAML has it (Debian's does): it is the parser
# actornet uses, and PyYAML's pure-Python scanner refuses a plain `?` inside
# a flow mapping (`{when: 2001/2003?, ...}` in tests/fixtures/merge.yaml),
# which libyaml and YAML 1.2 accept. The constructor and resolver are the
# SafeLoader's either way.
_BaseLoader = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader


class Yaml12Loader(_BaseLoader):
    """A safe loader that reads scalars as YAML 1.2 (core schema) does, as the
    YAML language server of editors does: the schema must agree with it.

    - No timestamps: `when: 2009-12-11` stays the text "2009-12-11".
    - Booleans are only true/false (True, TRUE, ...). YAML 1.1's yes, no, on,
      off, y, n are texts: actornet reads them as texts too (`mutual: yes` is
      its error "'mutual' must be true or false", which the schema then
      reports as well), and `NO` (Norway) stays a valid id. Taking the 1.1
      reading would make `mutual: yes` valid and `from: NO` invalid.
    - Integers are decimal (0995 is 995, not an octal error), 0o17 and 0x1F;
      no 1.1 sexagesimal (1:30) or underscores. Floats as in YAML 1.2.
    - No merge key: `<<` is an ordinary (and unknown) key, as in actornet.
    - Mapping keys stay the text written (`1995:` is the key "1995"), as
      JSON object keys are texts.
    """


_DROPPED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
            "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}
Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _DROPPED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."))


def _construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _construct_float(loader, node):
    text = loader.construct_scalar(node).lower()
    if text.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    if text == ".nan":
        return float("nan")
    return float(text)


def _construct_mapping(loader, node, deep=False):
    if not isinstance(node, yaml.MappingNode):
        raise yaml.constructor.ConstructorError(None, None, "expected a mapping", node.start_mark)
    mapping = {}
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            key = key_node.value
        else:
            key = json.dumps(loader.construct_object(key_node, deep=True), default=str)
        mapping[key] = loader.construct_object(value_node, deep=deep)
    return mapping


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
Yaml12Loader.construct_mapping = _construct_mapping


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Yaml12Loader)


def pointer(path):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def describe(errors):
    return "; ".join("%s: %s" % (pointer(e.absolute_path) or "(root)", e.message) for e in errors)


def report(name, problem):
    if problem:
        print("not ok %s: %s" % (name, " ".join(str(problem).split())))
    else:
        print("ok %s" % name)
    sys.stdout.flush()


def check(name, function):
    try:
        problem = function()
    except Exception as e:  # a check that crashes is a failed check, not a crashed script
        problem = "%s: %s" % (type(e).__name__, e)
    report(name, problem)


def rel(path):
    return os.path.relpath(path, ROOT)


def main():
    try:
        with open(SCHEMA, encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft7Validator.check_schema(schema)
    except Exception as e:
        report("schema is a valid draft-07 schema", "%s: %s" % (type(e).__name__, e))
        return
    report("schema is a valid draft-07 schema", None)
    validator = jsonschema.Draft7Validator(schema)

    def descriptions():
        missing = []
        definitions = schema.get("definitions", {})

        def described(sub):
            if "description" in sub:
                return True
            ref = sub.get("$ref", "")
            return ref.startswith("#/definitions/") and "description" in definitions.get(
                ref[len("#/definitions/"):], {})

        def walk(node, where):
            if isinstance(node, dict):
                for key in ("properties", "patternProperties", "definitions"):
                    for name, sub in node.get(key, {}).items():
                        if isinstance(sub, dict) and not described(sub):
                            missing.append(where + "/" + key + "/" + name)
                for key, sub in node.items():
                    walk(sub, where + "/" + key)
            elif isinstance(node, list):
                for i, sub in enumerate(node):
                    walk(sub, "%s/%d" % (where, i))

        walk(schema, "#")
        return "no description: " + ", ".join(missing) if missing else None

    check("schema describes every property", descriptions)

    def dates():
        edtf = jsonschema.Draft7Validator(schema["definitions"]["edtf"])
        wrong = ["refuses %r" % d for d in DATES_OK if not edtf.is_valid(d)]
        wrong += ["accepts %r" % d for d in DATES_BAD if edtf.is_valid(d)]
        return ", ".join(wrong) or None

    check("schema dates follow format.md section 5", dates)

    valid = sorted(glob.glob(os.path.join(ROOT, "networks", "*.yaml")))
    valid.append(os.path.join(ROOT, "docs", "example.yaml"))
    valid += sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "*.yaml")))
    # What `actornet import` writes from the CSV of tests/import/good.
    valid.append(os.path.join(ROOT, "tests", "import", "good", "expected.yaml"))
    valid += [os.path.join(ROOT, "tests", "bad", name) for name in VALID_BAD]
    for path in valid:
        def validates(path=path):
            errors = sorted(validator.iter_errors(load_yaml(path)), key=lambda e: list(map(str, e.absolute_path)))
            return describe(errors) if errors else None
        check("valid " + rel(path), validates)

    for name, expected in sorted(BAD.items()):
        path = os.path.join(ROOT, "tests", "bad", name)

        def fails_as_expected(path=path, expected=expected):
            errors = list(validator.iter_errors(load_yaml(path)))
            if not errors:
                return "the schema accepts it"
            got = {pointer(e.absolute_path) for e in errors}
            if got == expected:
                return None
            show = lambda paths: ", ".join(sorted(p or "(root)" for p in paths)) or "none"
            return "errors at %s, expected at %s (%s)" % (show(got), show(expected), describe(errors))
        check("invalid " + rel(path), fails_as_expected)

    known = set(BAD) | set(VALID_BAD) | set(SKIPPED)
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "bad", "*.yaml"))):
        if os.path.basename(path) not in known:
            report("classified " + rel(path),
                   "add it to BAD, VALID_BAD or SKIPPED in tests/network-schema.py")


if __name__ == "__main__":
    main()
    sys.exit(0)
