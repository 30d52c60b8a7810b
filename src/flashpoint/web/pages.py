"""The dashboard: HTML pages and static files, served by the API's app (issue 6, item 6).

The dashboard page holds no data: ``static/app.js`` fetches the JSON API and builds the DOM
with ``textContent``. The article page is rendered here with Jinja2 autoescaping. Both send a
Content-Security-Policy without inline scripts, so even a payload that slipped through could
not run. Plotly comes from the installed Python package, never from a CDN or this repository.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape

from flashpoint.api.deps import handle
from flashpoint.web.highlight import marks_of, segments

HERE = Path(__file__).resolve().parent
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def plotly_js() -> Path:
    """The plotly.js bundle shipped inside the installed ``plotly`` wheel."""
    return Path(str(resources.files("plotly").joinpath("package_data", "plotly.min.js")))


def templates() -> Environment:
    return Environment(
        loader=PackageLoader("flashpoint.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


def mount(app: FastAPI) -> None:
    """Add the dashboard routes and static files to ``app``."""
    env = templates()
    vendor = plotly_js()
    router = APIRouter(include_in_schema=False)

    @router.get("/", response_class=HTMLResponse)
    def dashboard() -> HTMLResponse:
        return _html(env.get_template("index.html").render())

    @router.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        with handle(request).reader() as store:
            record = store.analysis(article_id)
        if record is None:
            page = env.get_template("missing.html").render(article_id=article_id)
            return _html(page, status=404)
        return _html(env.get_template("article.html").render(**_article_context(record)))

    @router.get("/docs", response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        return _html(env.get_template("docs.html").render(**api_docs(app.openapi())))

    @router.get("/static/vendor/plotly.min.js")
    def plotly() -> FileResponse:
        return FileResponse(
            vendor, media_type="text/javascript", headers={"Cache-Control": "max-age=86400"}
        )

    app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")


def _html(body: str, *, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status, headers=SECURITY_HEADERS)


def _article_context(record: dict[str, Any]) -> dict[str, Any]:
    article = record["article"]
    return {
        "article": article,
        "safe_url": safe_url(article.get("url")),
        "segments": segments(article["text"], marks_of(record)),
        "actors": record.get("actors", []),
        "events": record.get("events", []),
        "quotes": record.get("quotes", []),
    }


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) link; ``javascript:`` and other schemes are not linked."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


def api_docs(spec: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI spec as a list of operations for the offline docs page.

    FastAPI's own /docs page loads Swagger UI from a CDN; this one is rendered here, so the
    API reference works offline like the rest of the dashboard.
    """
    operations = []
    for path, methods in sorted(spec.get("paths", {}).items()):
        for method, op in methods.items():
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "anchor": f"{method}-{path}".replace("/", "-").strip("-"),
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [_parameter(p) for p in op.get("parameters", [])],
                    "body": _type_of(body.get("schema", {})) if body else None,
                    "responses": [
                        (code, r.get("description", ""))
                        for code, r in op.get("responses", {}).items()
                    ],
                }
            )
    info = spec.get("info", {})
    return {"operations": operations, "title": info.get("title"), "version": info.get("version")}


def _parameter(param: dict[str, Any]) -> dict[str, Any]:
    schema = param.get("schema", {})
    return {
        "name": param.get("name"),
        "where": param.get("in"),
        "required": param.get("required", False),
        "type": _type_of(schema),
        "default": schema.get("default", ""),
        "description": param.get("description") or schema.get("description", ""),
    }


def _type_of(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " or ".join(_type_of(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    if schema.get("type") == "array":
        return f"list of {_type_of(schema.get('items', {}))}"
    kind = str(schema.get("type", "any"))
    return f"{kind} ({schema['format']})" if "format" in schema else kind
