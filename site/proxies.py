"""The visitor's address, behind the reverse proxies the settings trust (TRUSTED_PROXIES).

The rate limits (registrations, password resets) and the login lockout count per address. Behind
a proxy every request comes from the proxy's address, so the visitor's is read from
X-Forwarded-For, which each proxy appends the address it received from: the right-most entry
that is not a trusted proxy. Entries to its left were written by the client and prove nothing.
"""

import ipaddress

from django.conf import settings


def _trusted(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in settings.TRUSTED_PROXIES)


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    if not _trusted(remote):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for address in reversed([entry.strip() for entry in forwarded if entry.strip()]):
        if not _trusted(address):
            try:
                return str(ipaddress.ip_address(address))
            except ValueError:
                return remote  # A proxy would never write this: refuse to guess.
    return remote
