"""One article's entities resolved in one batch (`EntityIndex.resolve_all`) store exactly
what resolving them one by one stores: later entities match entities created for earlier
ones, a fuller name or a country found later lands in the new row. Names are made up."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select

from dragoman.model import Entity
from dragoman.store.resolve import EntityIndex
from dragoman.store.schema import AliasRow, ArticleRow, EntityRow
from dragoman.store.writer import article_values

from .builders import VERSION, Builder

NOW = dt.datetime(2024, 6, 1, tzinfo=dt.timezone.utc)


def _e(n: int, kind: str, name: str, country: str | None = None, roles: tuple = (),
       aliases: tuple = (), code: str | None = None) -> Entity:
    return Entity(id=f"E{n}", kind=kind, name=name, country=country, roles=list(roles),
                  aliases=list(aliases), code=code)


# Stored by an earlier article: an envoy without a first name, an organization without a country.
EARLIER = [_e(1, "person", "Lindqvist", "SWE", ["envoy"]),
           _e(2, "organization", "Baltic Ferry Union")]
# One article whose later entities meet earlier ones, new or stored.
LATER = [
    _e(1, "person", "Okafor", "NGA", ["trade minister"]),
    _e(2, "person", "Adaeze Okafor", "NGA"),                      # renames entity 1, pending
    _e(3, "organization", "Andean Grain Board", aliases=["AGB"]),
    _e(4, "organization", "AGB", "PER"),                           # gives entity 3 a country
    _e(5, "person", "Tomas Lindqvist", "SWE", ["envoy"]),          # renames a stored entity
    _e(6, "organization", "Baltic Ferry Union", "EST", aliases=["BFU"]),
    _e(7, "country", "Peru", code="PER"),
    _e(8, "country", "Republic of Peru", code="PER"),              # the country just created
]


def _article(conn, id: str) -> int:
    values = article_values(Builder(id).build().article, VERSION, NOW)
    return conn.execute(insert(ArticleRow).returning(ArticleRow.id), values).scalar_one()


def _rows(conn) -> tuple[list, list]:
    entities = conn.execute(select(EntityRow.id, EntityRow.kind, EntityRow.name, EntityRow.key,
                                   EntityRow.code, EntityRow.country)
                            .order_by(EntityRow.id)).all()
    names = {row.id: row.name for row in entities}
    aliases = conn.execute(select(AliasRow.entity_id, AliasRow.alias, AliasRow.key)
                           .order_by(AliasRow.id)).all()
    return ([tuple(row)[1:] for row in entities],
            [(names[a.entity_id], a.alias, a.key) for a in aliases])


def _resolve(kb, batched: bool) -> tuple[list, list, list[int]]:
    """Store EARLIER, then LATER (in one batch or one by one); rolled back afterwards."""
    with kb.engine.connect() as conn:
        index = EntityIndex.load(conn)
        index.resolve_all(conn, EARLIER, _article(conn, "earlier"))
        later = _article(conn, "later")
        if batched:
            results = index.resolve_all(conn, LATER, later)
        else:
            results = [index.resolve(conn, entity, later) for entity in LATER]
        rows = _rows(conn)
        ids = [r.entity.id for r in results]
        assert all(index.entities[i] is r.entity for i, r in zip(ids, results))
        conn.rollback()
    return (*rows, [ids.index(i) for i in ids])


def test_a_batch_stores_what_one_by_one_stores(kb):
    entities, aliases, same = _resolve(kb, batched=True)
    assert (entities, aliases, same) == _resolve(kb, batched=False)
    by_name = {row[1]: row for row in entities}
    assert set(by_name) == {"Tomas Lindqvist", "Baltic Ferry Union", "Adaeze Okafor",
                            "Andean Grain Board", "Peru"}
    assert by_name["Andean Grain Board"][4] == "PER"
    assert by_name["Baltic Ferry Union"][4] == "EST"
    assert same == [0, 0, 2, 2, 4, 5, 6, 6]  # which entity of LATER each one became
    assert ("Adaeze Okafor", "Okafor", "okafor") in aliases
    assert ("Tomas Lindqvist", "Lindqvist", "lindqvist") in aliases
