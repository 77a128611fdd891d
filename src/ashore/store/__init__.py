"""Where Ashore keeps what the user enters: the SQLite database (``store.database``), its
migrations, evidence files (``store.evidence``).

Nothing is imported here, so that a module of the store that needs no SQLAlchemy (``store.dbfile``,
``store.streams``, what ``ashore verify`` reads) can be imported without it.
"""
