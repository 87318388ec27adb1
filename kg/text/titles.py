"""Reading a part's title from the lines of a document: a title, a caption that titles a table, a title
broken over lines. A mixin of the structure parser (:mod:`kg.text.structure`), which holds the lines
(``line``, ``bounds``, ``text``) and the rules (``rules``)."""

from __future__ import annotations

from kg.nlp.script import HAN_CHAR
from kg.text.document import Field
from kg.text.rules import bare_title


class TitleLines:
    """What the parser asks of a line that may be a title."""

    def title_like(self, k: int, limit: int | None = None) -> bool:
        line = self.line(k)
        limit = limit or self.rules.title_max
        bare = line.rstrip("".join(self.rules.closers))
        if not bare or len(line) > limit or line.startswith(self.rules.table_row) or self.rules.link_line.match(line):
            return False  # a table's row, a page's link
        if any(ch in self.rules.enders for ch in bare) or bare[-1] in self.rules.terminal:
            return False  # a title has no full stop and does not lead into a list
        if self.heading_of(*self.bounds[k]) or self.rules.date_line.match(line) or self.rules.number.match(line):
            return False
        return bool(HAN_CHAR.search(line))

    def caption_title(self, k: int) -> Field | None:
        """The title written as the only filled cell of a table's first row (a page that is only a
        table), if it ends with a document's kind."""
        line = self.line(k)
        if not line.startswith(self.rules.table_row):
            return None
        s0 = self.bounds[k][0]
        cells = []
        pos = 0
        for piece in line.split(self.rules.table_row):
            text = piece.strip()
            if text:
                start = s0 + pos + piece.index(text)
                cells.append(Field(text, start, start + len(text)))
            pos += len(piece) + len(self.rules.table_row)
        if len(cells) != 1:
            return None
        cell = cells[0]
        if len(cell.text) > self.rules.title_max or any(ch in self.rules.enders for ch in cell.text):
            return None
        return cell if bare_title(cell.text).endswith(self.rules.title_kinds) else None

    def title_goes_on(self, k: int) -> bool:
        """Whether line ``k`` opens a title (关于…) that line ``k + 1`` ends with a document's kind, or a short
        line ``k + 1`` ends so."""
        line, following = self.line(k), self.line(k + 1)
        kinds, tail = self.rules.title_kinds, bare_title(following)
        # a cover's title set over two lines, the second short and ending it (“十四五”软件和信息技术服务业 / 发展规划)
        opens = self.rules.title_open.search(line) or len(tail) <= self.rules.title_short_tail
        return (bool(opens) and not bare_title(line).endswith(kinds)
                and tail.endswith(kinds) and self.title_like(k + 1)
                and len(line) + len(following) <= self.rules.title_max)

    def red_head(self, k: int, end: int) -> int | None:
        """The line of the title under a joint document's red head that opens the file at line ``k`` (its
        issuers a line each, and its number), or None if line ``k`` is no such head."""
        rules = self.rules
        for j in range(k, min(end, k + rules.head_lines + 1)):
            line = self.line(j)
            if j > k and rules.title_open.search(line) and bare_title(line).endswith(rules.title_kinds) \
                    and self.title_like(j):
                return j
            if len(line) > rules.head_line_max or bare_title(line).endswith(rules.title_kinds) \
                    or any(ch in rules.enders for ch in line):
                return None
        return None

    def unclosed(self, title: str, following: str) -> bool:
        """Whether ``title`` leaves a 《 open that the line ``following`` closes, within a title's length."""
        return (title.count("\u300a") > title.count("\u300b") and "\u300b" in following
                and len(title) + len(following) <= self.rules.title_max)
