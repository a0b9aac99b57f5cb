"""Tells which of a page's links answer."""
__version__ = "0.3.1"


def is_http_link(href: str) -> bool:
    return href.startswith(("http://", "https://"))
