"""Press releases and newsletters saved as e-mail (``.eml``, RFC 5322 with MIME parts).

The subject is the title, the sender's display name (else the sender's domain) the outlet, the
``Date`` header the date (``YYYY-MM-DD``), and the body the article: the plain-text part, else
the HTML part's article text (:mod:`quotes.io.html`). Standard library only; a file that is not
really an e-mail is read as its text.
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime

from quotes.io.html import extract
from quotes.io.page import Page


def email_page(text: str) -> Page:
    """The article of an e-mail message, with its subject, sender and date."""
    message = email.message_from_string(text, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not message.keys():
        return Page(text)  # no headers: not an e-mail, just its text
    return Page(_body(message), _header(message, "subject"), _date(message), _sender(message))


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, ValueError):  # an unknown charset or a broken encoding
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload or "")
    return extract(content).text if part.get_content_type() == "text/html" else str(content)


def _header(message: EmailMessage, name: str) -> str | None:
    try:
        value = message.get(name)
    except (IndexError, ValueError):  # a malformed header
        return None
    return " ".join(str(value).split()) or None if value is not None else None


def _date(message: EmailMessage) -> str | None:
    raw = _header(message, "date")
    if raw is None:
        return None
    try:
        return parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError):
        return None


def _sender(message: EmailMessage) -> str | None:
    raw = _header(message, "from")
    if raw is None:
        return None
    name, address = parseaddr(raw)
    if name.strip():
        return name.strip()
    domain = address.rpartition("@")[2]
    return domain or None
