"""Write schema_org_subset.json: the part of schema.org's vocabulary the portal's JSON-LD uses.

Run against schema.org's published definitions, the release's schemaorg-current-https.jsonld (in the
repository github.com/schemaorg/schemaorg under data/releases/<version>/):

    python tests/data/make_schema_org_subset.py schemaorg-current-https.jsonld 30.0 \
        > tests/data/schema_org_subset.json

It keeps the types the portal writes, their ancestors, the data types, and every property whose domain
includes one of those types, with the property's expected types (rangeIncludes) as published.
"""

import json
import sys

# What portal/structured_data.py writes, and the types its properties expect.
TYPES = (
    "NewsArticle", "BreadcrumbList", "ListItem", "Organization", "WebSite", "WebPage", "SearchAction",
    "EntryPoint", "PropertyValueSpecification", "ImageObject", "PostalAddress", "Person", "Language",
)  # fmt: skip


def ids(value):
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [v["@id"].removeprefix("schema:") for v in values if v["@id"].startswith("schema:")]


def main(path, version):
    with open(path, encoding="utf-8") as file:
        published = json.load(file)["@graph"]
    graph = {node["@id"].removeprefix("schema:"): node for node in published}
    kinds = {
        name: node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        for name, node in graph.items()
    }
    data_types = {name for name, kind in kinds.items() if "schema:DataType" in kind}
    # Data types and their subtypes (URL is a Text, Integer a Number).
    for name, node in graph.items():
        if "rdfs:Class" in kinds[name] and set(ids(node.get("rdfs:subClassOf"))) & data_types:
            data_types.add(name)
    wanted, queue = set(), list(TYPES) + sorted(data_types)
    while queue:
        name = queue.pop()
        if name not in wanted:
            wanted.add(name)
            queue.extend(ids(graph[name].get("rdfs:subClassOf")))
    properties = {}
    for name, node in sorted(graph.items()):
        if "rdf:Property" in kinds[name] and set(ids(node.get("schema:domainIncludes"))) & wanted:
            properties[name] = {
                "domain": sorted(set(ids(node["schema:domainIncludes"])) & wanted),
                "range": sorted(ids(node.get("schema:rangeIncludes"))),
            }
    subset = {
        "source": f"schema.org release {version}, data/releases/{version}/schemaorg-current-https.jsonld "
        "of github.com/schemaorg/schemaorg; made by tests/data/make_schema_org_subset.py",
        "types": {
            name: {
                "parents": sorted(ids(graph[name].get("rdfs:subClassOf"))),
                "data_type": name in data_types,
            }
            for name in sorted(wanted)
        },
        "properties": properties,
    }
    json.dump(subset, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
