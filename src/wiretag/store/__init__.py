"""The SQLite store: analysed stories, entities linked across stories, quotes, events.

    from wiretag.store import Store, Filters
    with Store("wiretag.db") as store:
        store.add(document)
        store.search("ceasefire", "quotes", filters=Filters(speaker="Lavrov"))
"""

from __future__ import annotations

from wiretag.store.filters import Filters
from wiretag.store.store import Store, entity_id, entity_key

__all__ = ["Filters", "Store", "entity_id", "entity_key"]
