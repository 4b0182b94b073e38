"""A URL the user gives as an input: fetched when read, the one use of the network."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

from quotes.records.errors import InputError

FETCH_TIMEOUT = 30.0
FETCH_MAX_BYTES = 20_000_000
USER_AGENT = "quotescope (+https://pypi.org/project/quotescope/)"
_URL = re.compile(r"https?://", re.IGNORECASE)


def is_url(given: str) -> bool:
    """True for an ``http://`` or ``https://`` input."""
    return bool(_URL.match(given))


def fetch(url: str) -> tuple[bytes, str]:
    """The body of ``url`` and its content type; an InputError says why it could not be fetched."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:  # http(s) only: is_url
            body = response.read(FETCH_MAX_BYTES + 1)
            kind = response.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        raise InputError(f"cannot fetch: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise InputError(f"cannot fetch: {getattr(exc, 'reason', exc)}") from None
    if len(body) > FETCH_MAX_BYTES:
        raise InputError(f"cannot fetch: larger than {FETCH_MAX_BYTES // 1_000_000} MB")
    return body, kind
