"""The one link policy of every output: only web, e-mail and telephone addresses become links."""
from __future__ import annotations

from urllib.parse import urlsplit

SCHEMES = ("https", "http", "mailto", "tel")


def why_not(url: str) -> str | None:
    """None when url may be a link in a PDF, deck or export; else the reason, in the user's terms."""
    text = url.strip()
    if not text:
        return "is empty"
    if any(ch.isspace() or ord(ch) < 32 for ch in text):
        return "contains spaces or control characters"
    try:
        parts = urlsplit(text)
    except ValueError:
        return "is not a valid address"
    scheme = parts.scheme.lower()
    if not scheme:
        return "is a relative address or a fragment, not a full web address (start it with https://)"
    if scheme not in SCHEMES:
        return f"uses `{scheme}:`, which could open a program or a file; only https, http, mailto and tel become links"
    if scheme in ("http", "https") and not parts.hostname:
        return "has no host name"
    if len(text) > 2000:
        return "is longer than 2,000 characters"
    return None


def safe(url: str | None) -> str | None:
    """url if it may become a link, else None (the text is then printed without a link)."""
    if url is None:
        return None
    return url.strip() if why_not(url) is None else None
