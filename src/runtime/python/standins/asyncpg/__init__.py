# Copyright (C) 2016-present the asyncpg authors and contributors
# <see AUTHORS file>
#
# This module is part of asyncpg and is released under
# the Apache 2.0 License: http://www.apache.org/licenses/LICENSE-2.0


from .connection import connect, Connection  # NOQA
from .exceptions import *  # NOQA
from .pool import create_pool, Pool  # NOQA
from .protocol import Record  # NOQA
from .types import *  # NOQA


from ._version import __version__  # NOQA


__all__ = ('connect', 'create_pool', 'Pool', 'Record', 'Connection')
__all__ += exceptions.__all__ # NOQA
