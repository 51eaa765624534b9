#!/usr/bin/env python3
"""Checks the broad quality set: every gold/<slug>.json against pages/<slug>.txt.

Standard library only. Exit status 1 when any check fails.
Usage: python3 test/quality/broad/check-gold.py [--fix-words]
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"person", "organization", "place", "event", "work"}


def page_text(path):
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    lines = raw.split("\n")
    header_ok = (len(lines) > 3 and lines[0].startswith("# source: ") and lines[1].startswith("# title: ")
                 and lines[2] == "")
    return header_ok, "\n".join(lines[3:])


def whole_word(surface):
    return re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")


def count(text, sub):
    n, i = 0, text.find(sub)
    while i != -1:
        n += 1
        i = text.find(sub, i + 1)
    return n


def main():
    fix_words = "--fix-words" in sys.argv
    gold_dir = os.path.join(HERE, "gold")
    errors = []
    rows = []
    eras, regions = set(), set()
    kinds = {"history": 0, "ordinary": 0}
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".json"):
            continue
        slug = name[:-5]
        gpath = os.path.join(gold_dir, name)

        def err(msg):
            errors.append(f"{slug}: {msg}")

        try:
            with open(gpath, encoding="utf-8") as f:
                gold = json.load(f)
        except ValueError as e:
            err(f"invalid JSON: {e}")
            continue
        if gold.get("page") != f"pages/{slug}.txt":
            err(f"page should be pages/{slug}.txt, is {gold.get('page')!r}")
        ppath = os.path.join(HERE, gold.get("page", ""))
        if not os.path.isfile(ppath):
            err(f"page file missing: {ppath}")
            continue
        header_ok, text = page_text(ppath)
        if not header_ok:
            err("page must start with '# source: URL', '# title: ...', a blank line")
        words = len(text.split())
        if gold.get("words") != words:
            if fix_words:
                gold["words"] = words
                with open(gpath, "w", encoding="utf-8") as f:
                    json.dump(gold, f, ensure_ascii=False, indent=2)
                    f.write("\n")
            else:
                err(f"words is {gold.get('words')}, page has {words}")
        kind = gold.get("kind")
        if kind not in kinds:
            err(f"kind must be history or ordinary, is {kind!r}")
        else:
            kinds[kind] += 1
        if kind == "history":
            if not gold.get("era") or not gold.get("region"):
                err("history pages need era and region")
            eras.add(gold.get("era"))
            regions.add(gold.get("region"))
        entities = gold.get("entities", {})
        seen_surface = {}
        notable = 0
        for title, ent in entities.items():
            if "_" in title:
                err(f"title has an underscore: {title!r}")
            if title != title.strip() or not title:
                err(f"bad title {title!r}")
            if ent.get("type") not in TYPES:
                err(f"{title}: type must be one of {sorted(TYPES)}")
            if not isinstance(ent.get("notable"), bool):
                err(f"{title}: notable must be true or false")
            notable += bool(ent.get("notable"))
            for s in ent.get("surfaces", []):
                if not whole_word(s).search(text):
                    err(f"{title}: surface {s!r} does not occur as a whole word")
                if s in seen_surface and seen_surface[s] != title:
                    err(f"surface {s!r} listed for both {seen_surface[s]!r} and {title!r}")
                seen_surface[s] = title
            if not ent.get("surfaces"):
                if not any(t.get("expect") == title for t in gold.get("tricky", [])):
                    err(f"{title}: no surfaces and no tricky entry expects it")
        tricky = gold.get("tricky", [])
        if len(tricky) < 5:
            err(f"only {len(tricky)} tricky entries (need 5)")
        contexts = set()
        for t in tricky:
            c, s, e = t.get("context", ""), t.get("surface", ""), t.get("expect")
            n = count(text, c)
            if n != 1:
                err(f"tricky context {c!r} occurs {n} times")
            if len(whole_word(s).findall(c)) != 1 or count(c, s) != 1:
                err(f"tricky surface {s!r} is not exactly once (as a whole word) in {c!r}")
            if c in contexts:
                err(f"tricky context {c!r} repeated")
            contexts.add(c)
            if e is not None:
                if "_" in e:
                    err(f"tricky expect has an underscore: {e!r}")
                if e not in entities:
                    err(f"tricky expect {e!r} is not among the entities")
        for u in gold.get("unlabelled", []):
            if count(text, u) < 1:
                err(f"unlabelled snippet {u!r} not on the page")
        rows.append((slug, kind, words, len(entities), notable, len(tricky)))

    w = max([len(r[0]) for r in rows] + [4])
    print(f"{'page':<{w}}  {'kind':<8} {'words':>5} {'ents':>5} {'notable':>7} {'tricky':>6}")
    for r in rows:
        print(f"{r[0]:<{w}}  {r[1]:<8} {r[2]:>5} {r[3]:>5} {r[4]:>7} {r[5]:>6}")
    print(f"\nhistory pages: {kinds['history']} ({len(eras)} distinct eras, {len(regions)} distinct regions); "
          f"ordinary pages: {kinds['ordinary']}; entities: {sum(r[3] for r in rows)}; "
          f"tricky: {sum(r[5] for r in rows)}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("all checks pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
