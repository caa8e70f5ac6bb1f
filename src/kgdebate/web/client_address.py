"""Who is asking: the address a budget is kept for, believing X-Forwarded-For only from proxies.

Behind a reverse proxy every request comes from the proxy's address, so one budget would be
shared by every user. ``X-Forwarded-For`` names the client, but anyone can send it: it is read
only when the request comes from an address in ``trusted_proxies``, and then from the right, as
proxies append to it, skipping the proxies themselves; the first address that is not a trusted
proxy is the client. Anything malformed counts as the proxy's own address, never as a new client.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from functools import lru_cache

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=16)
def trusted_networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    """The ``trusted_proxies`` setting (addresses or networks, ``10.0.0.0/8``) parsed once."""
    return tuple(ipaddress.ip_network(item, strict=False) for item in proxies)


def client_address(remote: str | None, forwarded_for: str | None, proxies: Sequence[str]) -> str:
    """The client's address for a request from ``remote`` carrying ``forwarded_for``."""
    if not remote:
        return "unknown"
    networks = trusted_networks(tuple(proxies))
    if not forwarded_for or not _trusted(remote, networks):
        return remote
    for hop in reversed(forwarded_for.split(",")[:20]):  # a proxy appends: read from the right
        address = hop.strip()
        if not _is_address(address):
            return remote
        if not _trusted(address, networks):
            return address
    return remote


def _trusted(address: str, networks: tuple[Network, ...]) -> bool:
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in networks)


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
