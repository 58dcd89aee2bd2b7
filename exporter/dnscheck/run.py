"""Check identities: find each one's zone and servers, ask them (ask.py), compare (compare.py).

Every identity of a run is checked on one asyncio loop through one `ask.Asker`, so a thousand
identities cost about as many round trips as one, bounded by the questions in flight
(`--max-queries`). `stream` hands the results out in the identities' order as each is ready,
with at most a window of identities in progress, so memory does not grow with their number.

Each identity is checked in phases: first the questions a verdict needs (compare.questions);
then, round by round, where those answers lead (compare.follow_questions: the records an SPF
include: or redirect= names, a _dmarc CNAME's target; none for the usual records); only when
something is not ok, the places where panels put records by mistake (compare.diagnostic_questions),
a sibling of each name where something was found (compare.wildcard_questions) and, when servers
disagree, the zone's SOA, then compare again on all the answers.

The zone is found in DNS, not assumed (docs/check.md, "Which zone"): the walk of
dns.resolver.zone_for_name against the servers being checked (`--nameserver`), or through the
system resolver, which also gives the zone's NS. Each zone's servers are found once per run
and shared by every identity in it.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import dns.asyncresolver
import dns.resolver

from .. import names
from ..collection import fewer_collections
from ..errors import DnsError
from . import compare
from .ask import (
    MAX_QUERIES,
    QUERY_TIMEOUT,
    Asker,
    Server,
    observe_async,
    owned_rrsets,
    resolver_copy,
    servers_of,
    zone_at,
    zone_through,
)

if TYPE_CHECKING:
    from ..model import Identity

RESOLVER = "system resolver"  # the "server" that failed when a zone or its servers cannot be found
FOLLOW_ROUNDS = 11  # SPF allows 10 look-ups (RFC 7208 4.6.4): no chain of includes needs more rounds, nor
# a CNAME chain (compare.MAX_CNAME_HOPS)
WRITE_EVERY = 64  # identities' reports held at most before they are written (run_job)
RESOLVER_IN_FLIGHT = 32  # look-ups through the system resolver at once: it may be a small home router


@dataclass(frozen=True)
class ServerAnswer:
    """One server asked for an identity: whether it answered every question, and if not, why."""

    label: str
    answered: bool
    why: str | None = None
    given: bool = False  # named with --nameserver, not found in the zone's NS records

    @property
    def fix(self) -> str | None:
        """The catalogue key (CHECK) of what to do about a server that did not answer."""
        if self.answered or not self.why or self.label == RESOLVER:
            return None
        lame = " answered " in self.why or " was not authoritative" in self.why
        return ("server.given-" if self.given else "server.") + ("lame" if lame else "dead")


@dataclass
class CheckResult:
    """One identity checked: the zone found, the servers asked, one finding per record."""

    identity: Identity
    zone: str  # the zone that holds the identity's names, as DNS says (FQDN with dot)
    servers: list[ServerAnswer]  # in the order asked
    findings: list[compare.Finding]  # in the identity's record order; empty when no server answered

    @property
    def zone_note(self) -> str | None:
        """In English, which zone DNS names when it is not the one assumed (--zone or the default);
        the report says it in its own language (report.zone_note)."""
        from .report import words, zone_note

        return zone_note(self, words("en"))

    @property
    def failures(self) -> dict[str, str | None]:
        """Server label -> why it could not be asked, for the servers that did not answer."""
        return {s.label: s.why for s in self.servers if not s.answered}

    @property
    def all_right(self) -> bool:
        """Every record ok on every server, and every server answered."""
        return all(s.answered for s in self.servers) and all(f.status == compare.OK for f in self.findings)


class Checker:
    """Checks identities on the running asyncio loop, sharing zones, servers and sockets."""

    def __init__(self, nameservers: Iterable[Server] = (), timeout: float = QUERY_TIMEOUT,
                 max_queries: int = MAX_QUERIES, resolver: dns.resolver.Resolver | None = None, port: int = 53,
                 shared: dict | None = None):
        self.asker = Asker(timeout, max_queries)
        self.shared = shared or {}  # MAIL FROM name -> the regions of the identities sharing it
        self.nameservers = list(nameservers)
        self.timeout = timeout
        self.port = port
        self._resolver_config = resolver
        self._resolver: dns.asyncresolver.Resolver | None = None
        self._resolving = asyncio.Semaphore(RESOLVER_IN_FLIGHT)
        self._tasks: dict[tuple, asyncio.Future] = {}  # ("zone"|"servers"|"outside", key) -> shared task

    def tasks(self) -> list:
        return list(self._tasks.values())

    def close(self) -> None:
        for task in self._tasks.values():
            task.cancel()
        self.asker.close()

    def _once(self, key: tuple, make) -> asyncio.Future:
        """The task for `key`, started by the first identity that needs it and shared by the rest."""
        task = self._tasks.get(key)
        if task is None:
            task = self._tasks[key] = asyncio.ensure_future(make())
        return task

    async def check(self, identity) -> CheckResult:
        records = compare.requirements(identity)  # with the DMARC requirement an identity leaves to its organisation
        early = None
        assumed = compare.questions(records, identity.zone)
        if self.nameservers:
            # The servers are known before the zone is: ask the first questions for the zone
            # assumed, and read the zone off their answers (ask.zone_shown: a NODATA's SOA), so the
            # usual identity (the zone is what it seems) costs one round trip and no SOA question.
            # Only when no answer shows it does the walk ask; when DNS names another zone, the
            # first questions are asked again for it.
            early = await self._observe(identity.zone, self.nameservers, assumed, within=identity.domain)
        try:
            zone, servers = await self._locate(identity, early[2] if early else None)
        except DnsError as e:
            return CheckResult(identity, identity.zone, [ServerAnswer(RESOLVER, False, str(e))], [])
        first = assumed if zone == identity.zone else compare.questions(records, zone)
        if early is not None and zone == identity.zone:
            views, failures, _ = early
        else:
            views, failures, _ = await self._observe(zone, servers, first)
        asked = set(first)
        for _ in range(FOLLOW_ROUNDS):  # SPF includes and _dmarc CNAMEs, one level deeper each round
            follow = [q for q in compare.follow_questions(records, zone, views) if q not in asked] if views else []
            if not follow:
                break
            asked.update(follow)
            views = await self._observe_more(zone, servers, views, failures, follow)
        findings = compare.compare(records, zone, views, self.shared) if views else []
        # Only when something is not ok: where records go by mistake (for the records nothing was
        # found for: compare.unfound); whether a wildcard answers where something was found (its
        # answer is never a record to delete); and, when servers disagree, their SOA serials (equal:
        # waiting will not help). Asked together, then once more for what the new answers lead to
        # (rare: a finding that changed).
        for _ in range(2):
            if not views or all(f.status == compare.OK for f in findings):
                break
            unfound = compare.unfound(records, zone, views, findings)
            extra = [q for q in compare.diagnostic_questions(records, zone, unfound) +
                     compare.wildcard_questions(findings, views) if q not in asked]
            if len(views) > 1 and any(f.cause == "servers-disagree" for f in findings) and (zone, "SOA") not in asked:
                extra.append((zone, "SOA"))
            if not extra:
                break
            asked.update(extra)
            views = await self._observe_more(zone, servers, views, failures, extra)
            findings = compare.compare(records, zone, views, self.shared) if views else []
        answers = [ServerAnswer(s.label, s.label not in failures, failures.get(s.label), s.recursion) for s in servers]
        return CheckResult(identity, zone, answers, findings)

    # --- where to ask ------------------------------------------------------------------------

    async def _locate(self, identity, shown: dict | None = None) -> tuple[str, list[Server]]:
        """The zone holding the identity's domain, and the servers to ask. `shown`: the zone each
        of `nameservers` showed in its answers to the first questions (ask.Observation.zones)."""
        # Each identity's own walk (not kept: memory would grow with every identity); what is
        # shared is each zone's servers, found once.
        if self.nameservers:
            # The walk asks the servers in order and takes the first that answers: so does this.
            for server in self.nameservers:
                if shown and server.label in shown:
                    if shown[server.label] is not None:
                        return shown[server.label], self.nameservers
                    break  # it answered, but showed no zone: the walk asks it
            zone, _ = await zone_at(self.asker, self.nameservers, identity.domain)
            # No server could say (all dead or refusing): keep the zone given; the questions
            # will fail the same way and the report says why.
            return zone or identity.zone, self.nameservers
        zone = await self._resolve(zone_through, identity.domain)
        return zone, await self._once(("servers", zone), lambda: self._resolve(servers_of, zone, self.port))

    async def _resolve(self, function, *args):
        if self._resolver is None:
            self._resolver = resolver_copy(self._resolver_config, self.timeout)
        async with self._resolving:
            return await function(*args[:1], self._resolver, *args[1:])

    # --- asking ------------------------------------------------------------------------------

    async def _observe(self, zone: str, servers: list[Server], questions: list[tuple[str, str]],
                       within: str | None = None) -> tuple[dict, dict, dict]:
        """(server label -> View, server label -> why it failed, server label -> the zone shown
        holding `within`: ask.observe_async) for the questions in the zone, with the answers for
        names outside it (an organisational domain's _dmarc) added to every view: those come from
        that name's own zone and do not count against `servers`."""
        inside: list[tuple[str, str]] = []
        outside: list[tuple[str, str]] = []
        for q in questions:
            (inside if names.is_within(q[0], zone) else outside).append(q)
        if outside:
            observation, *elsewhere = await asyncio.gather(
                observe_async(self.asker, servers, inside, within),
                *(self._once(("outside", q), lambda q=q: self._ask_outside(*q)) for q in outside))
        else:  # the usual identity: no task and no gathering around the one coroutine
            observation, elsewhere = await observe_async(self.asker, servers, inside, within), []
        views = observation.views
        for view in views.values():  # asked and answered, even with nothing: an empty set, not absent
            for name, rdtype in inside:
                view.setdefault(name, {}).setdefault(rdtype, frozenset())
        for (name, rdtype), answer in zip(outside, elsewhere):
            if answer is None:
                continue  # nobody could say: the name is left out, as if never asked
            for view in views.values():
                at_name = view.setdefault(name, {})
                at_name.setdefault(rdtype, frozenset())
                for key, rdatas in answer.items():
                    at_name[key] = at_name.get(key, frozenset()) | rdatas
        return views, dict(observation.failures), observation.zones

    async def _observe_more(self, zone: str, servers: list[Server], views: dict, failures: dict,
                            questions: list[tuple[str, str]]) -> dict:
        """The views with the answers to more questions, asked of the servers that answered so far
        (a server that fails one now joins `failures` and leaves the views)."""
        answering = [s for s in servers if s.label in views]
        more, more_failures, _ = await self._observe(zone, answering, questions)
        failures.update(more_failures)
        return {label: _merged(views[label], view) for label, view in more.items()}

    async def _ask_outside(self, name: str, rdtype: str) -> dict | None:
        """What the servers of `name`'s own zone hold there (the union of those that answered)."""
        if self.nameservers:
            servers = self.nameservers
        else:
            try:
                zone = await self._once(("zone", name), lambda: self._resolve(zone_through, name))
                servers = await self._once(("servers", zone), lambda: self._resolve(servers_of, zone, self.port))
            except DnsError:
                return None
        responses = await self.asker.ask([(server, name, rdtype) for server in servers])
        found: dict | None = None
        for server, response in zip(servers, responses):
            answer = owned_rrsets(response, name, server)
            if isinstance(answer, str):
                continue
            found = found if found is not None else {}
            for key, rdatas in answer.items():
                found[key] = found.get(key, frozenset()) | rdatas
        return found


def _merged(first: dict, second: dict) -> dict:
    view = {name: dict(types) for name, types in first.items()}
    for name, types in second.items():
        at_name = view.setdefault(name, {})
        for rdtype, rdatas in types.items():
            at_name[rdtype] = at_name.get(rdtype, frozenset()) | rdatas
    return view


def stream(identities: Iterable, nameservers: Iterable[Server] = (), timeout: float = QUERY_TIMEOUT,
           max_queries: int = MAX_QUERIES, resolver: dns.resolver.Resolver | None = None,
           port: int = 53, waiting: Callable[[], None] | None = None) -> Generator[CheckResult, None, None]:
    """Check `identities` concurrently; yield their results in order, each as soon as it and
    those before it are ready. At most a window of identities is in progress at once. `waiting`
    is called before the next result has to be waited for (run_job writes what it holds then)."""
    window = max(16, max_queries // 4)
    # Identities of several regions that share a MAIL FROM name: seen only across identities, so
    # when they are all at hand (a list), not when streamed from an iterator.
    shared = compare.mail_from_regions(identities) if isinstance(identities, (list, tuple)) else None
    loop = asyncio.new_event_loop()
    checker = Checker(nameservers, timeout, max_queries, resolver, port, shared)
    pending: deque = deque()
    source = iter(identities)
    # Tens of thousands of answers are tens of thousands of small objects: Python's young collections
    # wait longer while the check runs (exporter/collection.py).
    with fewer_collections():
        try:
            while True:
                while len(pending) < window:
                    identity = next(source, None)
                    if identity is None:
                        break
                    pending.append(loop.create_task(checker.check(identity)))
                if not pending:
                    return
                head = pending.popleft()
                # One finished meanwhile (most, when the loop ran for an earlier one) is taken as it is: a turn of
                # the loop per identity would be a thousand select() calls and loop set-ups for nothing new.
                if not head.done() and waiting is not None:
                    waiting()
                yield head.result() if head.done() else loop.run_until_complete(head)
        finally:
            for task in pending:
                task.cancel()
            checker.close()
            try:
                # Every task, those the checker and asker started too, cancelled and run to its end before the
                # loop closes (else, after Ctrl-C: "Task was destroyed but it is pending!"). The Ctrl-C (or
                # SIGTERM's SystemExit) that stopped the loop is held by the task it interrupted, and raised
                # again in each task that awaits that one: those rounds are caught, bounded, and the rest settled.
                for _ in range(64):
                    left = asyncio.all_tasks(loop)
                    if not left or _loop_running():  # not when collected as garbage inside another loop
                        break
                    for task in left:
                        task.cancel()
                    try:
                        loop.run_until_complete(asyncio.gather(*left, return_exceptions=True))
                    except (KeyboardInterrupt, SystemExit):
                        continue
            finally:
                loop.close()


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def check_identity(identity, nameservers: list[Server] | None = None, timeout: float = QUERY_TIMEOUT,
                   resolver: dns.resolver.Resolver | None = None, port: int = 53) -> CheckResult:
    """Check one identity: its zone's servers (found through `resolver`), or `nameservers`."""
    results = stream([identity], nameservers or (), timeout, resolver=resolver, port=port)
    try:
        return next(results)
    finally:
        results.close()


def run_job(job, identities: list, lang: str, notify) -> int:
    """--check for exporter/job.py: stream the report (or, with --wait, check until right and
    write the last one) and return the exit status: 0 all right, 1 otherwise, 3 when no server
    could be reached at all, for any identity (the network, not the zones, is the likely fault)."""
    from .. import output as out
    from . import report
    from .ask import parse_nameserver
    from .wait import parse_duration, until_right

    servers = [parse_nameserver(text) for text in job.nameservers]
    max_queries = job.max_queries or MAX_QUERIES
    live = job.identity_file is None

    def checked(batch):
        return stream(batch, servers, job.dns_timeout, max_queries)

    writer = report.Stream(job.report_format, lang, live, job.colour, job.only_problems)
    if job.wait is not None:
        results, _ = until_right(lambda batch: list(checked(batch)), identities, parse_duration(job.wait), notify)
        out.emit(writer.begin() + "".join(writer.add(r) for r in results) + writer.end(), job.output)
        return _status(results, notify)
    tally = _Tally()
    with out.streamed(job.output) as write:
        # The reports of the identities that are ready are written together, before the check waits for the
        # next (or every WRITE_EVERY): one write (and flush) for many, not one for each of 10,000.
        ready = [writer.begin()]

        def flush() -> None:
            if ready:
                write("".join(ready))
                ready.clear()

        for result in stream(identities, servers, job.dns_timeout, max_queries, waiting=flush):
            ready.append(writer.add(result))
            tally.add(result)
            if len(ready) >= WRITE_EVERY:
                flush()
        ready.append(writer.end())
        flush()
    return _status(tally, notify)


def _unreachable(why: str | None) -> bool:
    """The server (or the resolver) could not be reached at all, as opposed to answering badly."""
    return why is not None and any(sign in why for sign in (" timed out after ", " failed (", "The DNS operation timed out"))


class _Tally:
    """What the exit status needs of the results streamed by, without keeping them."""

    def __init__(self):
        self.results = self.right = self.answered = 0

    def add(self, result: CheckResult) -> None:
        self.results += 1
        self.right += result.all_right
        self.answered += any(s.answered or not _unreachable(s.why) for s in result.servers)


def _status(results, notify) -> int:
    from ..errors import EXIT_AWS, EXIT_CHECK_FAILED, EXIT_OK

    if not isinstance(results, _Tally):
        tally = _Tally()
        for result in results:
            tally.add(result)
        results = tally
    if results.results and not results.answered:
        from ..phrase import Phrase

        notify(Phrase("dns.no-answer"))
        return EXIT_AWS
    return EXIT_OK if results.right == results.results else EXIT_CHECK_FAILED
