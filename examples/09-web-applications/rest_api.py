#: runs: browser
#: standins: aiohttp, asyncpg
#: services: postgres
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8", "asyncpg>=0.27"]
# ///
"""A small REST API over PostgreSQL: create, read, update and delete products.

Each method and path does one thing to one kind of resource, and each answer's status says how
it went: 201 created, 200 here it is, 204 done (nothing to send), 404 no such product, 409 it
clashes with one that exists, 422 the fields are wrong.
"""

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import asyncpg
from aiohttp import web

from scratch_db import scratch_schema
from serving import serve

SCHEMA = """
CREATE TABLE products (
    id serial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    price numeric(10, 2) NOT NULL CHECK (price >= 0)
)
"""


def as_json(row: asyncpg.Record) -> dict[str, Any]:
    return {"id": row["id"], "name": row["name"], "price": float(row["price"])}


def problem(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


async def product_fields(request: web.Request,
                         required: tuple[str, ...]) -> dict[str, Any] | web.Response:
    """The fields in the body, checked, or the 4xx answer that says what is wrong with them."""
    try:
        data = await request.json()
    except ValueError:
        return problem(400, "the body is not valid JSON")
    if not isinstance(data, dict):
        return problem(400, "expected a JSON object")
    problems = [f"{field} is required" for field in required if field not in data]
    if "name" in data and not isinstance(data["name"], str):
        problems.append("name must be text")
    if "price" in data and not isinstance(data["price"], (int, float)):
        problems.append("price must be a number")
    return problem(422, "; ".join(problems)) if problems else data


class ProductsApi:
    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self.app = web.Application()
        self.app.cleanup_ctx.append(self.database)
        self.app.add_routes([
            web.get("/products", self.list_products),
            web.post("/products", self.create),
            web.get(r"/products/{id:\d+}", self.read),  # only digits: /products/abc is a 404
            web.patch(r"/products/{id:\d+}", self.update),
            web.delete(r"/products/{id:\d+}", self.delete),
        ])

    async def database(self, app: web.Application) -> AsyncIterator[None]:
        async with asyncpg.create_pool(self.dsn, min_size=1, max_size=4) as pool:
            await pool.execute(SCHEMA)
            self.pool = pool
            yield

    async def list_products(self, request: web.Request) -> web.Response:
        rows = await self.pool.fetch("SELECT * FROM products ORDER BY id")
        return web.json_response([as_json(row) for row in rows])

    async def create(self, request: web.Request) -> web.Response:
        fields = await product_fields(request, required=("name", "price"))
        if isinstance(fields, web.Response):
            return fields
        try:
            row = await self.pool.fetchrow(
                "INSERT INTO products (name, price) VALUES ($1, $2) RETURNING *",
                fields["name"], fields["price"])
        except asyncpg.UniqueViolationError:
            return problem(409, f"a product named {fields['name']!r} exists")
        except asyncpg.CheckViolationError:
            return problem(422, "price must not be negative")
        assert row is not None
        location = f"/products/{row['id']}"
        return web.json_response(as_json(row), status=201, headers={"Location": location})

    async def read(self, request: web.Request) -> web.Response:
        product_id = int(request.match_info["id"])
        row = await self.pool.fetchrow("SELECT * FROM products WHERE id = $1", product_id)
        return web.json_response(as_json(row)) if row else problem(404, "no such product")

    async def update(self, request: web.Request) -> web.Response:
        fields = await product_fields(request, required=("price",))
        if isinstance(fields, web.Response):
            return fields
        row = await self.pool.fetchrow(
            "UPDATE products SET price = $2 WHERE id = $1 RETURNING *",
            int(request.match_info["id"]), fields["price"])
        return web.json_response(as_json(row)) if row else problem(404, "no such product")

    async def delete(self, request: web.Request) -> web.Response:
        product_id = int(request.match_info["id"])
        status = await self.pool.execute("DELETE FROM products WHERE id = $1", product_id)
        # execute() returns the command's status line: "DELETE 1", or "DELETE 0" if none
        return web.Response(status=204) if status == "DELETE 1" else problem(404, "no such product")


async def call(session: aiohttp.ClientSession, method: str, path: str,
               body: Any = None) -> None:
    async with session.request(method, path, json=body) as response:
        answer = [str(response.status)]
        if "Location" in response.headers:
            answer.append(f"Location: {response.headers['Location']}")
        answer.append(await response.text())
    print(f"{method} {path} {json.dumps(body) if body is not None else ''}".rstrip())
    print(f"  -> {' '.join(answer)}".rstrip())


async def main() -> None:
    async with scratch_schema() as dsn:
        api = ProductsApi(dsn)
        async with serve(api.app) as base_url, aiohttp.ClientSession(base_url) as session:
            await call(session, "POST", "/products", {"name": "tea", "price": 4.5})
            await call(session, "POST", "/products", {"name": "cake", "price": 3})
            await call(session, "GET", "/products/1")
            await call(session, "PATCH", "/products/1", {"price": 5})
            await call(session, "POST", "/products", {"name": "tea", "price": 1})
            await call(session, "POST", "/products", {"name": "pie", "price": -2})
            await call(session, "POST", "/products", {"price": "cheap"})
            await call(session, "DELETE", "/products/2")
            await call(session, "DELETE", "/products/2")
            await call(session, "GET", "/products/abc")
            await call(session, "GET", "/products")


if __name__ == "__main__":
    asyncio.run(main())
