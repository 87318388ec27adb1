"""The roster of central Party and state bodies (``resources/central_bodies.toml``).

Each body has its official name (the canonical name agencies resolve to), the
short forms documents write, its kind (国务院组成部门, 部委管理的国家局…), the
body that runs it, and its history: the bodies it took over and when. A short
form either names the body wherever it stands (国家发展改革委, 公安部) or only in
a document of no place (发展改革委, 医保局: a province has its own), see
:meth:`Roster.everywhere` and :meth:`Roster.central`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.errors import RuleError
from kg.resources import load_toml

FILE = "central_bodies.toml"


@dataclass(frozen=True)
class Change:
    """``successor`` took over ``predecessor`` by a decision of ``date`` (ISO)."""
    predecessor: str
    successor: str
    date: str
    note: str = ""


@dataclass(frozen=True)
class Body:
    name: str
    short: tuple[str, ...]
    kind: str  # a key of [kinds]
    kind_label: str  # 国务院组成部门
    parent: str | None = None
    until: str | None = None
    everywhere: tuple[str, ...] = ()
    since: str | None = None


class Roster:
    def __init__(self, cfg: dict, where: str = FILE) -> None:
        kinds = cfg.get("kinds")
        if not isinstance(kinds, dict) or not kinds:
            raise RuleError(f"{where}: needs a [kinds] table")
        self.kinds: dict[str, str] = dict(kinds)
        forms_cfg = cfg.get("forms", {})
        try:
            self.openings = tuple(forms_cfg["national_openings"])
            self.central_endings = tuple(forms_cfg["central_endings"])
            self.ministry_endings = tuple(forms_cfg["ministry_endings"])
            self.ministry_kind = forms_cfg["ministry_kind"]
            self.state_name = forms_cfg.get("state_name", "")  # optional: 中华人民共和国
            self.state_prefixed = set(forms_cfg.get("state_prefixed", []))
        except KeyError as missing:
            raise RuleError(f"{where}: [forms] needs {missing.args[0]}") from None
        self.bodies: dict[str, Body] = {}
        self.changes: list[Change] = []
        problems: list[str] = []
        entries = cfg.get("body", [])
        for k, entry in enumerate(entries, 1):
            name, kind = entry.get("name"), entry.get("kind")
            if not name:
                problems.append(f"body {k}: needs a name")
                continue
            if kind not in self.kinds:
                problems.append(f"{name}: kind {kind!r} is not one of [kinds] ({', '.join(self.kinds)})")
                continue
            if name in self.bodies:
                problems.append(f"{name}: listed twice")
                continue
            short = tuple(entry.get("short", []))
            if self.state_name and kind in self.state_prefixed and self.state_name + name not in short:
                short += (self.state_name + name,)  # 中华人民共和国工业和信息化部: a ministry's full style
            everywhere = tuple(entry.get("everywhere", []))
            problems += [f"{name}: everywhere form {form!r} is not one of its short forms"
                         for form in everywhere if form not in short]
            self.bodies[name] = Body(name, short, kind, self.kinds[kind], entry.get("parent"), entry.get("until"),
                                     everywhere, entry.get("since"))
        for entry in entries:
            for change in entry.get("replaces", []):
                old, date = change.get("name"), str(change.get("date", ""))
                if old not in self.bodies:
                    problems.append(f"{entry.get('name')}: replaces {old!r}, which is not a body of the roster")
                elif len(date) != 10 or date[4] != "-" or date[7] != "-":
                    problems.append(f"{entry.get('name')}: replaces {old}: date {date!r} is not YYYY-MM-DD")
                else:
                    self.changes.append(Change(old, entry["name"], date, change.get("note", "")))
        self._successors: dict[str, list[Change]] = {}  # a body's changes, indexed once
        self._predecessors: dict[str, list[Change]] = {}
        for c in self.changes:
            self._successors.setdefault(c.predecessor, []).append(c)
            self._predecessors.setdefault(c.successor, []).append(c)
        forms: dict[str, list[str]] = {}
        for body in self.bodies.values():
            if body.parent is not None and body.parent not in self.bodies:
                problems.append(f"{body.name}: parent {body.parent!r} is not a body of the roster")
            for form in body.short:
                if form == body.name:
                    problems.append(f"{body.name}: short form {form!r} is its name")
                elif form in self.bodies:
                    problems.append(f"{body.name}: short form {form!r} also names {form}")
                else:
                    for other in forms.get(form, []):
                        if self._overlap(self.period(other), self.period(body.name)):
                            problems.append(f"{body.name}: short form {form!r} also names {other}, at the same time")
                    forms.setdefault(form, []).append(body.name)
        if problems:
            raise RuleError(f"{where}: " + "; ".join(problems))
        self._forms = forms

    def period(self, name: str) -> tuple[str, str]:
        """The dates ``[from, until)`` a body existed (ISO; "" for no bound): from the reorganisation that made
        it (or `since`), until the one that took it over (or `until`)."""
        body = self.bodies[name]
        begun = [c.date for c in self.predecessors(name)]
        ended = [c.date for c in self.successors(name)]
        return body.since or (max(begun) if begun else ""), min(ended) if ended else (body.until or "")

    @staticmethod
    def _overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
        return (not a[1] or not b[0] or b[0] < a[1]) and (not b[1] or not a[0] or a[0] < b[1])

    def current(self, form: str) -> str:
        """The body a form names now (the latest of those it has named)."""
        return max(self._forms[form], key=lambda name: self.period(name)[0])

    def at(self, form: str, date: str | None) -> str:
        """The body a name or short form named at ``date`` (ISO, or a year), else the current one."""
        if form in self.bodies:
            return form
        names = self._forms[form]
        if date and len(names) > 1:
            for name in names:
                since, until = self.period(name)
                if (not since or since[:len(date)] <= date) and (not until or date < until[:len(date)]):
                    return name
        return self.current(form)

    def dated(self) -> set[str]:
        """The short forms that named different bodies at different times (中央网信办)."""
        return {form for form, names in self._forms.items() if len(names) > 1}

    def everywhere(self) -> dict[str, str]:
        """Names and short forms that name one central body wherever they stand, with its (current) name."""
        found = {name: name for name in self.bodies}
        for form in self._forms:
            name = self.current(form)
            body = self.bodies[name]
            if (form.startswith(self.openings) or form.endswith(self.central_endings) or form in body.everywhere
                    or form.endswith(self.ministry_endings) and body.kind == self.ministry_kind):
                found[form] = name
        return found

    def central(self) -> dict[str, str]:
        """Short forms that name a central body only in a document of no place (发展改革委, 医保局)."""
        everywhere = self.everywhere()
        return {form: self.current(form) for form in self._forms if form not in everywhere}

    def successors(self, name: str) -> list[Change]:
        """The changes by which other bodies took ``name`` over."""
        return self._successors.get(name, [])

    def predecessors(self, name: str) -> list[Change]:
        """The changes by which ``name`` took other bodies over."""
        return self._predecessors.get(name, [])


@lru_cache(maxsize=1)
def roster() -> Roster:
    return Roster(load_toml(FILE))
