"""Persistence: the SQLCipher database (through SQLAlchemy and Alembic) and the small clear files
beside it. The only layer that imports SQLAlchemy, Alembic and sqlcipher3."""
