"""Use cases, one module per area. Services hand out plain domain objects, never sessions."""
