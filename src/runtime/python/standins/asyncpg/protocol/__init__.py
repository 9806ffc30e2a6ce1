"""The stand-in for asyncpg's compiled protocol package (see protocol.py and ../NOTICE.md)."""

from .protocol import BUILTIN_TYPE_NAME_MAP, NO_TIMEOUT, Protocol, Record

__all__ = ["BUILTIN_TYPE_NAME_MAP", "NO_TIMEOUT", "Protocol", "Record"]
