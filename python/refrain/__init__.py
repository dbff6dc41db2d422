"""refrain for Python: the Engine of engine/engine.h, and helpers to run it
on Dask (or any engine that maps functions over partitions of articles).

    import refrain
    engine = refrain.Engine(["rules/"])
    engine.scan("China is Vietnam's largest trading partner.", id="d1")

    import dask.bag as db
    mentions = refrain.scan_bag(db.from_sequence(articles, npartitions=8), ["rules/"])
    mentions.compute()

An article is a dict with "text" and optionally "id", "source" and "date".
Mentions are dicts (see docs/records.md for the fields).
"""
from _refrain import Engine  # noqa: F401  (the extension module)

# One engine per process and rule set: Dask workers compile the rules once,
# not once per article or partition.
_ENGINES = {}


def engine_for(rules, fold_diacritics=False):
    """The process's Engine for `rules` (a list of paths), compiled on first use."""
    key = (tuple(rules), fold_diacritics)
    if key not in _ENGINES:
        _ENGINES[key] = Engine(list(rules), fold_diacritics=fold_diacritics)
    return _ENGINES[key]


def scan_articles(articles, rules, fold_diacritics=False):
    """Scans an iterable of article dicts; returns the list of their mentions."""
    engine = engine_for(rules, fold_diacritics)
    mentions = []
    for article in articles:
        mentions.extend(engine.scan(article["text"], id=article.get("id", ""),
                                    source=article.get("source", ""),
                                    date=article.get("date", "")))
    return mentions


def scan_bag(bag, rules, fold_diacritics=False):
    """Maps the engine over a dask.bag of article dicts; a bag of mentions."""
    return bag.map_partitions(scan_articles, list(rules), fold_diacritics)


def scan_dataframe(frame, rules, fold_diacritics=False):
    """Maps the engine over a dask.dataframe with a "text" column (and
    optionally "id", "source", "date"); a dask.bag of mentions."""
    return scan_bag(frame.to_bag(format="dict"), rules, fold_diacritics)
