"""A check of JSON-LD against schema.org's vocabulary, offline: the types and properties of
tests/data/schema_org_subset.json, taken from schema.org's published definitions (its "source" says
which release; tests/data/make_schema_org_subset.py made it).

The rules checked, from schema.org's data model (schema.org/docs/datamodel.html):
- @context is https://schema.org; every @type is a schema.org type, not a data type.
- Every property belongs to the node's type or one of its ancestors (domainIncludes).
- A nested node's @type is one of the property's expected types (rangeIncludes) or a subtype of one;
  a node that is only {"@id": …} refers to another node and is not checked here.
- A text value stands where a data type is expected; an absolute URL also stands for a thing (a URL in
  place of a Thing is allowed by the data model). Dates and times parse as ISO 8601, numbers are numbers.
- "query-input" and the like: the Actions' "-input"/"-output" annotations of a property
  (schema.org/docs/actions.html), checked as the property they annotate.
"""

import html.parser
import json
import re
from datetime import date, datetime
from functools import cache
from pathlib import Path

SUBSET = Path(__file__).parent / "data" / "schema_org_subset.json"
CONTEXT = "https://schema.org"
ANNOTATIONS = ("-input", "-output")


@cache
def vocabulary():
    return json.loads(SUBSET.read_text(encoding="utf-8"))


def ancestors(name):
    """name and every type it is a subtype of."""
    types = vocabulary()["types"]
    if name not in types:
        raise AssertionError(f"{name} is not a schema.org type (or not in the subset)")
    seen, queue = set(), [name]
    while queue:
        current = queue.pop()
        if current not in seen:
            seen.add(current)
            queue.extend(types[current]["parents"])
    return seen


def is_data_type(name):
    return vocabulary()["types"].get(name, {}).get("data_type", False)


class LdScripts(html.parser.HTMLParser):
    """The text of every <script type="application/ld+json"> as the browser's parser sees it."""

    def __init__(self):
        super().__init__()
        self.blocks, self.scripts, self._inside = [], 0, False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
            self._inside = dict(attrs).get("type") == "application/ld+json"
            if self._inside:
                self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.blocks[-1] += data


def ld_blocks(page_html):
    parser = LdScripts()
    parser.feed(page_html)
    return [json.loads(block) for block in parser.blocks]


def nodes_of(page_html):
    """Every top-level node of the page's JSON-LD, each block's @context checked."""
    nodes = []
    for block in ld_blocks(page_html):
        assert block["@context"] == CONTEXT, block["@context"]
        nodes.extend(block.get("@graph", [block]))
    return nodes


def check_node(node, where="node"):
    """Raise AssertionError naming the first thing schema.org does not define."""
    kind = node.get("@type")
    assert isinstance(kind, str), f"{where}: @type missing"
    assert not is_data_type(kind), f"{where}: {kind} is a data type, not a type of thing"
    lineage = ancestors(kind)
    properties = vocabulary()["properties"]
    for key, value in node.items():
        if key.startswith("@"):
            continue
        name = next((key.removesuffix(end) for end in ANNOTATIONS if key.endswith(end)), key)
        assert name in properties, f"{where}: {key} is not a schema.org property"
        assert set(properties[name]["domain"]) & lineage, f"{where}: {kind} has no property {key}"
        expected = properties[name]["range"] if name == key else ["Text", "PropertyValueSpecification"]
        for item in value if isinstance(value, list) else [value]:
            check_value(item, expected, f"{where}.{key}")


def check_value(value, expected, where):
    if isinstance(value, dict):
        if set(value) == {"@id"}:
            return
        kind = value.get("@type")
        assert kind and ancestors(kind) & set(expected), f"{where}: {kind} where {expected} is expected"
        check_node(value, where)
        return
    data_types = [name for name in expected if is_data_type(name)]
    if isinstance(value, bool):
        assert "Boolean" in data_types, f"{where}: a boolean where {expected} is expected"
    elif isinstance(value, int | float):
        assert {"Number", "Integer", "Float"} & set(data_types), f"{where}: a number where {expected}"
    else:
        assert isinstance(value, str), f"{where}: {value!r}"
        is_url = value.startswith(("https://", "http://"))
        assert data_types or is_url, f"{where}: text where {expected} is expected"
        if set(data_types) <= {"DateTime", "Date"} and data_types:
            (datetime if "DateTime" in data_types else date).fromisoformat(value)
        if data_types == ["URL"]:
            assert is_url, f"{where}: {value!r} is not an absolute URL"


def check_page(page_html):
    """The page's JSON-LD nodes, each checked against the vocabulary."""
    nodes = nodes_of(page_html)
    assert nodes, "the page has no JSON-LD"
    for node in nodes:
        check_node(node, node.get("@type", "node"))
    return nodes


def of_type(nodes, kind):
    found = [node for node in nodes if node.get("@type") == kind]
    assert len(found) == 1, f"{len(found)} {kind} on the page"
    return found[0]


def crumbs(node):
    """A BreadcrumbList as (position, name, address) triples."""
    return [(item["position"], item["name"], item["item"]) for item in node["itemListElement"]]


def visible_breadcrumbs(page_html, origin="http://testserver"):
    """The addresses the page's own breadcrumb trail links to, absolute."""
    trail = re.search(r'<nav class="breadcrumbs".*?</nav>', page_html, re.S).group(0)
    return [origin + href for href in re.findall(r'href="([^"]+)"', trail)]


def shown_of(trail, page_html):
    """The part of a BreadcrumbList's addresses the page shows. The data always ends at the page itself;
    the visible trail ends there too (marked aria-current) or stops before it, where the headline right
    below names the page (articles, Giới thiệu: docs/RESIDENTS.md)."""
    items = [item for _, _, item in trail]
    nav = re.search(r'<nav class="breadcrumbs".*?</nav>', page_html, re.S).group(0)
    return items if 'aria-current="page"' in nav else items[:-1]


def check_trail(page_html):
    """The page's BreadcrumbList, valid and the same trail as the one it shows; as crumbs()."""
    found = crumbs(of_type(check_page(page_html), "BreadcrumbList"))
    assert shown_of(found, page_html) == visible_breadcrumbs(page_html)
    assert [position for position, _, _ in found] == list(range(1, len(found) + 1))
    return found
