"""octodns: an octoDNS zone file for its YamlProvider (one zone: ZONE.yaml with -o FOLDER/).

For teams whose DNS goes through octoDNS (one config, many DNS providers). Keys are names relative
to the zone, in the natural order YamlProvider enforces; a name with several types holds a list.
TXT text is octoDNS's own form (`;` written `\\;`, no quotes, not split: octoDNS splits it).
exporter/octodns.py is the other way in: an octoDNS source that reads SES itself.
"""

from . import Format, Settings, register


def prepare(identities, settings: Settings) -> dict:
    from ._octodns import zone_file

    return zone_file(list(identities))


FORMAT = register(Format(
    name="octodns", suffix="yaml", template="octodns.j2", prepare=prepare, per_zone=True,
    summary="an octoDNS zone file for its YamlProvider (-o FOLDER/ writes ZONE.yaml per zone)",
))
