# Python: prefix every log line of a request with the OpenReplay session it came from.
#   handler.addFilter(OpenReplayLogFilter())
#   handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(openreplay)s%(message)s"))
#   Django:  MIDDLEWARE = ["yourapp.openreplay_logging.OpenReplayDjangoMiddleware", ...]
#   FastAPI: app.add_middleware(OpenReplayASGIMiddleware)
import contextvars
import logging
import re

_session = contextvars.ContextVar("openreplay_session", default=(None, None))
# Only a well-formed token is logged: a header is user input, and a log line must not be forgeable.
_TOKEN = re.compile(r"[0-9A-Za-z]{1,20}\.-?[0-9A-Za-z]{1,20}\.[0-9A-Za-z]{1,20}\.[0-9A-Za-z]{1,120}")
_SESSION_ID = re.compile(r"\d{1,20}")


def _checked(token, session_id):
    token = token.strip() if isinstance(token, str) else None
    session_id = session_id.strip() if isinstance(session_id, str) else None
    return (
        token if token and _TOKEN.fullmatch(token) else None,
        session_id if session_id and _SESSION_ID.fullmatch(session_id) else None,
    )


def openreplay_tag():
    token, session_id = _session.get()
    tag = f"[openReplaySessionToken={token}] " if token else ""
    return tag + (f"[openReplaySession.id={session_id}] " if session_id else "")


class OpenReplayLogFilter(logging.Filter):
    """Adds %(openreplay)s to every record: the tag of the request being handled, or ''."""

    def filter(self, record):
        record.openreplay = openreplay_tag()
        return True


class OpenReplayDjangoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reset = _session.set(_checked(request.headers.get("X-OpenReplay-SessionToken"), request.headers.get("openReplaySession.id")))
        try:
            return self.get_response(request)
        finally:
            _session.reset(reset)


class OpenReplayASGIMiddleware:
    """Plain ASGI, so it works in FastAPI and Starlette without importing them."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope.get("type") != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        reset = _session.set(_checked(headers.get("x-openreplay-sessiontoken"), headers.get("openreplaysession.id")))
        try:
            return await self.app(scope, receive, send)
        finally:
            _session.reset(reset)
