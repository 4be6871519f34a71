"""Cross-article entity resolution: each article's entities onto the knowledge base's.

An article's extraction already merges "Murat Nurtleu", "Nurtleu" and "Nurtileu"
into one entity; this module decides which knowledge-base entity that is, across
articles and spellings (Erdogan / Erdoğan, Kassym-Jomart / Kasym-Zhomart Tokayev):

- countries: by ISO 3166-1 alpha-3 code;
- people: names that `nlp.names.same_person_name` accepts as one person, whose
  countries do not disagree; a surname alone ("Fidan") must also agree on the
  country, or on a role when one side's country is unknown;
- organizations: any form (name, acronym, alias) equal after `fold`;
- places: the folded name, with countries that do not disagree.

`EntityIndex` keeps the knowledge base's entities in memory while an ingest runs
(loaded once, updated as entities are added), so resolving costs no query.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, insert, select, update

from dragoman.model import Entity
from dragoman.nlp.names import fold, is_spelling_variant, same_person_name
from dragoman.store.schema import AliasRow, EntityRow, RoleRow

# Spelling variants differ by at most two letters (nlp.names.max_typo_distance), so a
# surname's candidates share its initial and have a length within this many letters.
_LENGTH_SLACK = 2


@dataclass
class KnownEntity:
    """An entity of the knowledge base as the resolver sees it. forms: folded name and
    aliases; written: every form as written (name included); roles: lower-case roles."""

    id: int
    kind: str
    name: str
    code: str | None = None
    country: str | None = None
    forms: set[str] = field(default_factory=set)
    written: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)


@dataclass
class Resolution:
    """What resolving one article entity did: the entity, and what to write."""

    entity: KnownEntity
    created: bool = False
    new_aliases: list[str] = field(default_factory=list)
    renamed: bool = False


def _surname(form: str) -> str:
    tokens = form.split()
    return tokens[-1] if tokens else ""


def _fuller(a: str, b: str) -> bool:
    """Is name `a` fuller than `b`: more words ("Hakan Fidan" over "Fidan")? Between
    spellings of as many words, the first seen stays."""
    return len(fold(a).split()) > len(fold(b).split())


class EntityIndex:
    """The knowledge base's entities, indexed for resolution. Not thread-safe: one per
    ingest. `resolve` returns a Resolution; `commit` writes it through a connection."""

    def __init__(self) -> None:
        self.entities: dict[int, KnownEntity] = {}
        self._by_code: dict[str, int] = {}
        self._by_form: dict[tuple[str, str], set[int]] = defaultdict(set)
        self._by_surname: dict[tuple[str, int], set[int]] = defaultdict(set)

    @classmethod
    def load(cls, conn: Connection) -> EntityIndex:
        """Every entity, alias and role of the knowledge base behind `conn`."""
        index = cls()
        for row in conn.execute(select(EntityRow.id, EntityRow.kind, EntityRow.name,
                                       EntityRow.code, EntityRow.country)):
            index._add(KnownEntity(row.id, row.kind, row.name, row.code, row.country))
        for entity_id, alias in conn.execute(select(AliasRow.entity_id, AliasRow.alias)):
            if entity_id in index.entities:
                index._add_form(index.entities[entity_id], alias)
        for entity_id, role in conn.execute(select(RoleRow.entity_id, RoleRow.role).distinct()):
            if entity_id in index.entities:
                index.entities[entity_id].roles.add(role)
        return index

    def _add(self, known: KnownEntity) -> None:
        self.entities[known.id] = known
        if known.code:
            self._by_code.setdefault(known.code, known.id)
        self._add_form(known, known.name)

    def _add_form(self, known: KnownEntity, form: str) -> None:
        key = fold(form)
        known.written.add(form)
        if not key:
            return
        known.forms.add(key)
        self._by_form[(known.kind, key)].add(known.id)
        if known.kind == "person":
            surname = _surname(key)
            self._by_surname[(surname[:1], len(surname))].add(known.id)

    def forget(self, entity_id: int) -> None:
        """Drop an entity deleted from the knowledge base."""
        known = self.entities.pop(entity_id, None)
        if known is None:
            return
        if known.code and self._by_code.get(known.code) == entity_id:
            del self._by_code[known.code]
        for ids in list(self._by_form.values()) + list(self._by_surname.values()):
            ids.discard(entity_id)

    # -- matching ----------------------------------------------------------------

    def match(self, entity: Entity) -> KnownEntity | None:
        """The knowledge-base entity that `entity` (from one article) is, or None."""
        if entity.kind == "country" and entity.code:
            found = self._by_code.get(entity.code)
            return self.entities.get(found) if found is not None else None
        if entity.kind == "person":
            return self._match_person(entity)
        return self._match_by_form(entity)

    def _match_by_form(self, entity: Entity) -> KnownEntity | None:
        best: KnownEntity | None = None
        for form in [entity.name, *entity.aliases]:
            for entity_id in sorted(self._by_form.get((entity.kind, fold(form)), ())):
                known = self.entities[entity_id]
                if entity.country and known.country and entity.country != known.country:
                    continue
                if best is None or (known.country == entity.country and
                                    best.country != entity.country):
                    best = known
            if best is not None:
                return best
        return best

    def _person_candidates(self, forms: list[str]) -> set[int]:
        found: set[int] = set()
        for form in forms:
            surname = _surname(form)
            for length in range(len(surname) - _LENGTH_SLACK, len(surname) + _LENGTH_SLACK + 1):
                found |= self._by_surname.get((surname[:1], length), set())
            for token in form.split()[:-1]:  # surname-first names: "Tang" of "Tang Wenbo"
                found |= self._by_form.get(("person", token), set())
        return found

    def _match_person(self, entity: Entity) -> KnownEntity | None:
        forms = [f for f in (fold(x) for x in [entity.name, *entity.aliases]) if f]
        best, best_score = None, -1
        for entity_id in sorted(self._person_candidates(forms)):
            score = person_score(entity, forms, self.entities[entity_id])
            if score is not None and score > best_score:
                best, best_score = self.entities[entity_id], score
        return best

    # -- writing -----------------------------------------------------------------

    def resolve(self, conn: Connection, entity: Entity, article_id: int) -> Resolution:
        """Match `entity` or create it; record new aliases, a fuller name and a missing
        country in the knowledge base through `conn`."""
        return self.resolve_all(conn, [entity], article_id)[0]

    def resolve_all(self, conn: Connection, entities: list[Entity],
                    article_id: int) -> list[Resolution]:
        """Resolve one article's entities in order, as `resolve` one after the other
        would (a later entity can match one created for an earlier), but write them in
        a few statements: the new entities in one insert, the aliases in another."""
        batch = _Batch()
        results = [self._resolve_one(batch, entity) for entity in entities]
        self._flush(conn, batch, article_id)
        return results

    def _resolve_one(self, batch: _Batch, entity: Entity) -> Resolution:
        known = self.match(entity)
        if known is None:
            return self._create(batch, entity)
        result = Resolution(known)
        forms = [entity.name, *entity.aliases]
        if entity.kind == "person" and _fuller(entity.name, known.name):
            result.new_aliases.append(known.name)
            known.name = entity.name
            result.renamed = True
        changes = {}
        if result.renamed:
            changes.update(name=known.name, key=fold(known.name))
        if known.country is None and entity.country:
            known.country = changes["country"] = entity.country
        if changes and known.id < _PENDING:  # a pending entity is inserted as it ends up
            batch.changes.setdefault(known.id, {}).update(changes)
        for form in forms:
            if form and form not in known.written and form not in result.new_aliases:
                result.new_aliases.append(form)
        batch.aliases.extend((known, a) for a in result.new_aliases if a != known.name)
        for form in forms:
            self._add_form(known, form)
        known.roles.update(entity.roles)
        return result

    def _create(self, batch: _Batch, entity: Entity) -> Resolution:
        name = entity.name
        if entity.kind == "person":  # the fullest form is the canonical name
            for alias in entity.aliases:
                if _fuller(alias, name):
                    name = alias
        # A placeholder id until the insert: above every real id and in creation order,
        # so candidates sort as they will once the database has numbered them.
        known = KnownEntity(_PENDING + len(batch.new), entity.kind, name, entity.code,
                            entity.country)
        batch.new.append(known)
        self._add(known)
        aliases = [a for a in dict.fromkeys([entity.name, *entity.aliases]) if a and a != name]
        batch.aliases.extend((known, a) for a in aliases)
        for alias in aliases:
            self._add_form(known, alias)
        known.roles.update(entity.roles)
        return Resolution(known, created=True, new_aliases=aliases)

    def _flush(self, conn: Connection, batch: _Batch, article_id: int) -> None:
        """Write what `batch` gathered: new entities (then their real ids replace the
        placeholders), changed entities, aliases in the order they were found."""
        if batch.new:
            new_ids = conn.execute(_INSERT_ENTITY, [
                {"kind": k.kind, "name": k.name, "key": fold(k.name), "code": k.code,
                 "country": k.country, "first_article_id": article_id}
                for k in batch.new]).scalars().all()
            for known, new_id in zip(batch.new, new_ids, strict=True):
                self._renumber(known, new_id)
        for entity_id, changes in batch.changes.items():
            conn.execute(update(EntityRow).where(EntityRow.id == entity_id).values(**changes))
        if batch.aliases:
            conn.execute(_INSERT_ALIAS, [
                {"entity_id": known.id, "alias": a, "key": fold(a),
                 "first_article_id": article_id} for known, a in batch.aliases])

    def _renumber(self, known: KnownEntity, new_id: int) -> None:
        """Give a pending entity its real id everywhere the index holds it."""
        old_id = known.id
        del self.entities[old_id]
        known.id = new_id
        self.entities[new_id] = known
        if known.code and self._by_code.get(known.code) == old_id:
            self._by_code[known.code] = new_id
        keys: list[set[int]] = []
        for form in known.forms:
            keys.append(self._by_form[(known.kind, form)])
            if known.kind == "person":
                surname = _surname(form)
                keys.append(self._by_surname[(surname[:1], len(surname))])
        for ids in keys:
            if old_id in ids:
                ids.discard(old_id)
                ids.add(new_id)


@dataclass
class _Batch:
    """The writes one article's resolution gathers: entities to create (placeholder
    ids), changes to existing entities by id, (entity, alias) pairs in order."""

    new: list[KnownEntity] = field(default_factory=list)
    changes: dict[int, dict] = field(default_factory=dict)
    aliases: list[tuple[KnownEntity, str]] = field(default_factory=list)


# Placeholder ids of entities not inserted yet (see EntityIndex._create).
_PENDING = 1 << 62
# Built once: SQLAlchemy then skips constructing the statement for every article.
_INSERT_ENTITY = insert(EntityRow).returning(EntityRow.id, sort_by_parameter_order=True)
_INSERT_ALIAS = insert(AliasRow)


def index_state(conn: Connection) -> tuple:
    """A cheap fingerprint of what `EntityIndex.load` reads: the newest entity, alias
    and role ids (every write adds rows) and the number of entities (orphans are
    deleted). When it changed since an ingest last wrote, another writer has been at
    work and the index is loaded again."""
    parts = [select(func.max(table.id)).scalar_subquery()
             for table in (EntityRow, AliasRow, RoleRow)]
    return tuple(conn.execute(select(*parts, select(func.count(EntityRow.id))
                                     .scalar_subquery())).one())


def person_score(entity: Entity, forms: list[str], known: KnownEntity) -> int | None:
    """How well article person `entity` (folded `forms`) fits knowledge-base person
    `known`: None when they cannot be one person, else higher for a better fit
    (+4 same folded form, +2 same country, +1 a role in common)."""
    if entity.country and known.country and entity.country != known.country:
        return None
    shared_role = bool(set(entity.roles) & known.roles)
    same_country = bool(entity.country) and entity.country == known.country
    full = [f for f in forms if len(f.split()) > 1]
    known_full = [f for f in known.forms if len(f.split()) > 1]
    if full and known_full:
        if not any(same_person_name(a, b) for a in full for b in known_full):
            return None
    else:  # a surname alone on one side: it must agree on more than the name
        if not any(_surname_match(a, b) for a in forms for b in known.forms):
            return None
        if not (same_country or (shared_role and not (entity.country and known.country))):
            return None
    return (4 if set(forms) & known.forms else 0) + (2 if same_country else 0) + int(shared_role)


def _surname_match(a: str, b: str) -> bool:
    """Could single-or-multi-word names `a` and `b` share a surname ("fidan" / "hakan fidan")?"""
    return is_spelling_variant(_surname(a), _surname(b)) or same_person_name(a, b)
