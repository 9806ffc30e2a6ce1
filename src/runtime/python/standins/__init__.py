"""Not a package to import: each stand-in is imported by its own name (``import aiohttp``),
by a run that declares it (see livepy/standins.py)."""

raise ImportError(
    "the stand-ins are imported by their own names (import aiohttp, import asyncpg), "
    "and only by an example that declares them"
)
