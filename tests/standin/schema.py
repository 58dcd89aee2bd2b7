"""The schemas the stand-in provider serves, read from the pinned CDKTF packages' declarations.

tests/hcl/schemas.js fetches each package of tests/hcl/providers.json once (sha512-checked) into
tests/hcl/.cache/; this reads the same files. A block's arguments are the members of its Config
interface (`readonly name?: TYPE`, the HCL name from the member's registry link), with their
types; its computed attributes are the class's getters without a setter. Any TypeScript type
not listed in `_attribute_type` fails, so a schema is never served half read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HCL = Path(__file__).resolve().parent.parent / "hcl"
MEMBER = re.compile(r"/\*\*((?:(?!\*/).)*)\*/\s*readonly (\w+)(\??): ((?:[^;{]|\{[^}]*\})+);", re.S)
LINK = re.compile(r"\{@link https://registry\.terraform\.io/providers/[\w-]+/[\w-]+/[\w.]+/docs(?:/(?:resources|data-sources)/\w+)?#(\w+) ")
GETTER = re.compile(r"^    get (\w+)\(\): ([^;]+);$", re.M)
SETTER = re.compile(r"^    set (\w+)\(", re.M)
SCALARS = {"string": "string", "number": "number", "boolean | cdktf.IResolvable": "bool", "string[]": ["list", "string"],
           "number[]": ["list", "number"], "cdktf.IResolvable": "bool"}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def _interface(text: str, name: str) -> str:
    for head in (f"export interface {name} extends cdktf.TerraformMetaArguments {{", f"export interface {name} {{"):
        start = text.find(head)
        if start >= 0:
            return text[start: text.index("\n}", start)]
    raise ValueError(f"no interface {name}")


def _attribute_type(ts: str):
    ts = " ".join(ts.split())
    if ts in SCALARS:
        return SCALARS[ts]
    if re.fullmatch(r"\{ \[key: string\]: string; \}", ts):
        return ["map", "string"]
    if re.fullmatch(r"\{ \[key: string\]: any; \}", ts):
        return ["map", "dynamic"]
    raise ValueError(f"TypeScript type {ts!r} has no Terraform type here")


def block(text: str, interface: str, class_name: str | None = None, nested_attributes: bool = False) -> dict:
    """{"attributes": {name: {"type", "required", "optional", "computed"}}, "blocks": {name: {"nesting", "block"}}}."""
    attributes: dict = {}
    blocks: dict = {}
    body = _interface(text, interface)
    members = MEMBER.findall(body)
    if len(members) != len(re.findall(r"^\s+readonly \w+\??:", body, re.M)):
        raise ValueError(f"{interface}: not every member was read")
    for comment, _member, question, ts in members:
        link = LINK.search(comment)
        if not link:
            raise ValueError(f"{interface}: a member without its registry link")
        name = link.group(1)
        ts = " ".join(ts.split())
        nested = re.fullmatch(r"(\w+)\[\] \| cdktf\.IResolvable", ts) or re.fullmatch(r"(\w+)", ts)
        if nested and nested.group(1) not in ("string", "number") and f"export interface {nested.group(1)} " in text \
                and nested_attributes and name != "timeouts":
            # A plugin-framework provider's nested attribute (`data = {...}`): protocol 5 has no
            # nested attribute types, so it is served as an object-typed attribute.
            inner = block(text, nested.group(1), nested_attributes=True)
            fields = {n: a["type"] for n, a in inner["attributes"].items()}
            attributes[name] = {"type": ["list", ["object", fields]] if ts.endswith("IResolvable") else ["object", fields],
                                "required": not question, "optional": bool(question), "computed": False}
        elif nested and nested.group(1) not in ("string", "number") and f"export interface {nested.group(1)} " in text:
            nesting = "list" if ts.endswith("IResolvable") else "single"
            blocks[name] = {"nesting": nesting, "block": block(text, nested.group(1)),
                            "min_items": 0 if question else 1}
        else:
            attributes[name] = {"type": _attribute_type(ts), "required": not question, "optional": bool(question),
                                "computed": name == "id"}
    if class_name is not None:  # computed attributes: getters without a setter
        start = text.index(f"export declare class {class_name} ")
        klass = text[start: text.index("\n}", start)]
        settable = {_snake(n) for n in SETTER.findall(klass)}
        for getter, ts in GETTER.findall(klass):
            name = _snake(getter)
            if name in attributes or name in blocks or name in settable or name.endswith("_input"):
                continue
            try:
                attributes[name] = {"type": _attribute_type(ts), "required": False, "optional": False, "computed": True}
            except ValueError:
                continue  # an output reference of a computed block: not read by anything ses-export writes
    return {"attributes": attributes, "blocks": blocks}


STANDIN_KEYS = ("google", "azurerm", "dns", "cloudflare-v5", "cloudflare-v4")  # no binary here for these
FRAMEWORK = ("cloudflare-v5",)  # plugin-framework providers: nested interfaces are attributes, not blocks


def provider_schemas(keys=STANDIN_KEYS) -> dict:
    """{pin key: {"source", "version", "provider": block, "resource": {type: block}, "data": {type: block}}}."""
    pins = json.loads((HCL / "providers.json").read_text(encoding="utf-8"))["schemas"]
    result = {}
    for key in keys:
        pin = pins[key]
        folder = HCL / ".cache" / re.sub(r"[@/]", "_", pin["package"])
        schema: dict = {"source": pin["provider"], "version": pin["version"], "provider": {"attributes": {}, "blocks": {}},
                        "resource": {}, "data": {}}
        for name, (file, interface) in pin["blocks"].items():
            kind, _, rest = name.partition(".")
            if "." in rest:  # a nested block: read with its parent
                continue
            text = (folder / file).read_text(encoding="utf-8")
            if kind == "provider":
                schema["provider"] = block(text, interface)
                schema["provider"]["attributes"].pop("alias", None)  # a meta-argument, Terraform's own
            else:
                class_name = re.search(rf"export declare class (\w+) extends cdktf\.Terraform(?:Resource|DataSource) {{\s*"
                                       rf"static readonly tfResourceType = \"{rest}\"", text).group(1)
                schema[kind][rest] = block(text, interface, class_name, nested_attributes=key in FRAMEWORK)
        result[key] = schema
    return result


if __name__ == "__main__":
    print(json.dumps(provider_schemas(), indent=1))
