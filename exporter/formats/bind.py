"""bind: a zone-file fragment (absolute names, explicit TTL and class) to import or paste."""

from . import Format, register

FORMAT = register(Format(
    name="bind", suffix="zone", template="bind.j2",
    summary="a BIND zone-file fragment to import at a DNS host or paste into a zone file",
    # -o FOLDER/: ZONE.zone holding every identity of the zone, since named and octoDNS's bind
    # source look zone files up by the zone's name.
    per_zone=True,
))
