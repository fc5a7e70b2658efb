# Checks of report figures in `report --format json` output, shared by the
# report tests: lib.sh runs this file before each py_expect check.
COUNTS = {"received", "closed", "overdue_open", "escalations", "reopened", "returned"}
def group(key):
    d = json.loads(data)
    if key == "total":
        return d["total"]
    found = [g for g in d["groups"] if g.get("key") == key]
    if len(found) != 1:
        raise KeyError(f"{len(found)} groups with key {key!r}")
    return found[0]
def fig(key, name, want):
    g = group(key)
    if name not in g:
        return print(f"{key}: no figure {name!r}")
    got = g[name]
    if want is None:
        ok = got is None
    elif name in COUNTS:
        ok = type(got) is int and got == want
    else:
        ok = type(got) in (int, float) and abs(got - want) < 1e-9
    print("ok" if ok else f"{key}.{name} = {got!r}, want {want!r}")
def keys():
    print(" ".join(g["key"] for g in json.loads(data)["groups"]))
