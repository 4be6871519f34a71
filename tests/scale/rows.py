"""A canonical dump of a knowledge base, to compare two ingests row for row."""
from __future__ import annotations

import json


def facts(engine) -> dict[str, list[str]]:
    """Every exported table's rows, ids included, as canonical JSON, without the
    retrieval time (the clock's, not the article's)."""
    from dragoman.export import views
    dump = {}
    with engine.connect() as conn:
        for name, view in views().items():
            columns = [column for column, _ in view.columns]
            dump[name] = [json.dumps({k: v for k, v in zip(columns, row) if k != "retrieved"},
                                     sort_keys=True, default=str, ensure_ascii=False)
                          for row in conn.execute(view.query)]
    return dump
