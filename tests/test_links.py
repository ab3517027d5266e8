"""One link policy for every output: only https, http, mailto and tel become links."""
from __future__ import annotations

import pytest

from generator.links import safe, why_not
from generator.text import runs


@pytest.mark.parametrize("url", ["https://example.org/a?b=c", "http://example.org", "mailto:a@example.org",
                                 "tel:+441234567890"])
def test_web_mail_and_telephone_addresses_are_links(url):
    assert why_not(url) is None and safe(url) == url


@pytest.mark.parametrize("url", ["smb://server/share", "ms-msdt:/id", "search-ms:query=x", "data:image/png;base64,AA",
                                 "evil.exe", "pdf:other.pdf", "#top", "javascript:alert(1)", "file:///etc/passwd",
                                 "\\\\server\\share", "https://", "https://exa mple.org"])
def test_anything_else_is_not_a_link(url):
    assert why_not(url) is not None and safe(url) is None


def test_a_refused_link_keeps_its_label_as_plain_text():
    out = runs("See [the file](smb://server/x) or [top](#top) or [us](https://example.org)")
    assert "".join(r.text for r in out) == "See the file or top or us"
    assert [r.href for r in out if r.href] == ["https://example.org"]
