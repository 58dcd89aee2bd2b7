"""csv: one row per record for a registrar or IPAM import, or a spreadsheet."""

from . import Format, register

FORMAT = register(Format(
    name="csv", suffix="csv", template="csv.j2",
    summary="one row per record (Type, Name, Host, Value, Priority, TTL) for a registrar, IPAM or spreadsheet",
))
