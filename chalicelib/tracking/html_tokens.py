"""Where a browser sees links in an HTML document: its tokenizer, and as much of tree
construction as decides how later text is tokenized.

Sections cited are of the WHATWG HTML standard (https://html.spec.whatwg.org/multipage/
parsing.html): §13.2.5 Tokenization, §13.2.6 Tree construction. The input has no NUL (the
caller refuses it) and is never changed: every position is an offset into it. What it follows:
- tags and attributes exactly (§13.2.5.6-13.2.5.40): quoted values may hold `>`, `href=="x"`
  is the value `="x"`, duplicate attributes after the first are dropped, end tags have
  attributes too;
- comments as the standard ends them (`<!-->`, `<!--->`, `-->`, `--!>`, §13.2.5.43-52), and
  bogus comments (`<!...>`, `<?...>`, `</ ...>`, `<![CDATA[...>` outside foreign content) ending
  at the first `>` (§13.2.5.41-42);
- RCDATA (`title`, `textarea`), RAWTEXT (`style`, `xmp`, `iframe`, `noembed`, `noframes`,
  and `noscript` when scripting is on; with it off, `noscript` holds markup, and in the head
  most tags close it again, §13.2.6.4.5, which is left unknown), script data with its escaped
  states, and PLAINTEXT, which only an HTML element switches to (§13.2.6.4.7);
- foreign content (`svg`, `math`): CDATA sections, and the tags that break out of it or are
  HTML inside integration points (§13.2.6.5), with a stack of open elements that closes them;
- the "in body" end tags that close an element only if it is in scope (§13.2.4.2 "has an
  element in scope", its list item and button variants), the start tags that close a `p`, an
  `li`, a `dd`/`dt`, a heading or a `button` (§13.2.6.4.7), and implied end tags (§13.2.6.3).
What it does not model: the list of active formatting elements and the adoption agency, the
table insertion modes (§13.2.6.4.9-15), foster parenting, the form element pointer, `select`
and `frameset`. Outside foreign content they decide nothing we read; while an SVG/MathML element
is open, a tag whose effect depends on them makes the stack unknown (`OpenElements.uncertain`):
from there on no link is reported and the pixel is not placed (it costs tracking, never a link).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from html.entities import html5 as _NAMED_REFERENCES
from typing import Literal

HTML_NS, SVG_NS, MATHML_NS = "html", "svg", "math"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TextMode = Literal["rcdata", "rawtext", "script", "plaintext"]

# The tokenizer's whitespace (CR is read as LF by input preprocessing, §13.2.3.5).
_WS = re.compile(r"[\t\n\f\r ]*")  # always matches (perhaps nothing)
_TAG_NAME = re.compile(r"[A-Za-z][^\t\n\f\r />]*")  # §13.2.5.8 tag name state
_ATTRIBUTE_NAME = re.compile(r"[^\t\n\f\r />][^\t\n\f\r />=]*")  # §13.2.5.32-33
_UNQUOTED_VALUE = re.compile(r"[^\t\n\f\r >]*")  # §13.2.5.38
_COMMENT_END = re.compile(r"--!?>")  # §13.2.5.51 comment end, §13.2.5.52 comment end bang
_SCRIPT_DATA = re.compile(r"<(?:/script[\t\n\f\r />]|!--)", re.ASCII | re.IGNORECASE)
_SCRIPT_END = re.compile(r"</script[\t\n\f\r />]", re.ASCII | re.IGNORECASE)
_ASCII_LETTERS = re.compile(r"[A-Za-z]*")
# §13.2.5.72 character reference state, as html.unescape reads one
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_ASCII_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

# §13.2.6.4.7 "in body" (and "in head" for the ones it defers to): the elements whose start tag
# switches the tokenizer, with scripting enabled (with it off, `noscript` holds markup).
TEXT_MODES: Mapping[str, TextMode] = {
    "title": "rcdata",
    "textarea": "rcdata",
    "style": "rawtext",
    "xmp": "rawtext",
    "iframe": "rawtext",
    "noembed": "rawtext",
    "noframes": "rawtext",
    "noscript": "rawtext",
    "script": "script",
    "plaintext": "plaintext",
}
# §13.1.2 void elements (and `image`, read as `img`): never on the stack of open elements.
_VOID = _words(
    "area base basefont bgsound br col embed frame hr image img input keygen link meta param "
    "source track wbr"
)
# html, head and body are opened once and never popped by an end tag (§13.2.6.4.7).
_NOT_STACKED = _VOID | {"html", "head", "body"}
# §13.2.4.2 the special category: an end tag that reaches one of these is ignored (the scope
# boundaries among them stop a scoped end tag the same way).
_SPECIAL = _words(
    "address applet area article aside base basefont bgsound blockquote body br button caption "
    "center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form "
    "frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link "
    "listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre "
    "script search section select source style summary table tbody td template textarea tfoot th "
    "thead title tr track ul wbr xmp"
)
# §13.2.6.5 the start tags that end foreign content (and `font` with one of these attributes).
_BREAKOUT = _words(
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img "
    "li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul "
    "var"
)
_FONT_BREAKOUT = frozenset({"color", "face", "size"})
# §13.2.4.2 "has an element in scope": the HTML elements that bound the default scope (with, in
# any namespace, the MathML text integration points, annotation-xml and SVG's HTML points).
_SCOPE_HTML = _words("applet caption html table td th marquee object template")
_HEADINGS = _words("h1 h2 h3 h4 h5 h6")
# §13.2.6.4.7: end tags closing the element of their name if it is in (default) scope
_SCOPED_END = _words(
    "address article aside blockquote button center details dialog dir div dl fieldset "
    "figcaption figure footer header hgroup listing main menu nav ol pre search section summary "
    "ul applet marquee object dd dt"
)
# start tags that close a p element in button scope first
_CLOSES_P = _SCOPED_END - _words("applet marquee object button") | _HEADINGS
_CLOSES_P |= _words("p form plaintext xmp hr li")
# §13.2.6.4.4 "in head": the start tags that do not start the body
_HEAD_TAGS = _words(
    "html head base basefont bgsound link meta noframes script style template title noscript"
)
# the formatting elements (§13.2.4.3): their end tags run the adoption agency
_FORMATTING = _words("a b big code em font i nobr s small strike strong tt u")
# tags whose effect on the stack depends on what is not modelled (the adoption agency, table
# insertion modes, quirks mode, the form element pointer, select, ruby)
_UNMODELLED_START = _words(
    "a nobr table caption col colgroup tbody td tfoot th thead tr form select option optgroup "
    "rb rp rt rtc frameset"
)
_UNMODELLED_END = _FORMATTING | _words(
    "table caption colgroup tbody td tfoot th thead tr form select option optgroup"
)
_MATHML_TEXT_POINTS = frozenset({"mi", "mo", "mn", "ms", "mtext"})
_SVG_HTML_POINTS = frozenset({"foreignobject", "desc", "title"})
_HTML_ENCODINGS = frozenset({"text/html", "application/xhtml+xml"})


class Unterminated(ValueError):
    """The document ends inside a tag, a comment, or an element whose text is not markup."""


def _end(pattern: re.Pattern[str], source: str, pos: int) -> int:
    """Where a pattern that always matches (`...*`) stops matching from `pos`."""
    match = pattern.match(source, pos)
    return match.end() if match else pos


def ascii_lower(text: str) -> str:
    """ASCII lower case, as the tokenizer lowers names (str.lower also maps e.g. K to k)."""
    return text.translate(_ASCII_UPPER)


def _reference(match: re.Match[str]) -> str:
    """One character reference in an attribute value (§13.2.5.72-80)."""
    text, name = match.group(0), match.group(1)
    if name[0] == "#":
        return html.unescape(text)  # numeric: the same rules in and out of attributes
    if name in _NAMED_REFERENCES:
        return _NAMED_REFERENCES[name]
    for end in range(len(name) - 1, 1, -1):  # the longest known name (legacy ones need no ;)
        if name[:end] in _NAMED_REFERENCES:
            after = name[end]
            if after == "=" or (after.isascii() and after.isalnum()):
                return text  # §13.2.5.73: in an attribute, `&copy=` stays as written
            return _NAMED_REFERENCES[name[:end]] + name[end:]
    return text


def attribute_value(raw: str) -> str:
    """An attribute value as the browser reads it: character references decoded."""
    return _CHARREF.sub(_reference, raw) if "&" in raw else raw


@dataclass(frozen=True)
class Attribute:
    start: int  # the value's span in the document (start == end: no value)
    end: int
    quoted: bool


@dataclass(frozen=True)
class Href:
    """The first href of a link element: its value's span, the value as read, and where the
    element's start tag begins."""

    start: int
    end: int
    quoted: bool
    value: str
    tag_at: int


@dataclass(frozen=True)
class Document:
    """What one parse reads. Where an <img> changes nothing else: before a `</body>` (not inside
    SVG or MathML, where it would end foreign content for what follows), before `<plaintext>`,
    at the end when the whole document was read as modelled (`complete`), or before the first
    HTML `<noscript>`, an `<svg>`/`<math>` read as HTML or the tag that made the stack unknown,
    when an <img> reads as HTML there (`other_points`). Nothing after that tag counts: not its
    links, not its places."""

    hrefs: tuple[Href, ...]
    body_ends: tuple[int, ...]
    plaintext_at: int | None
    complete: bool
    other_points: tuple[int, ...]


def pixel_place(first: Document, second: Document, size: int) -> int | None:
    """A place for the pixel that both parses of a document of `size` characters read as
    markup the same way: before the last `</body>`, else `<plaintext>`, else the end, else the
    last of the other places; None if there is none."""
    body_ends = set(first.body_ends) & set(second.body_ends)
    if body_ends:
        return max(body_ends)
    if first.plaintext_at is not None and first.plaintext_at == second.plaintext_at:
        return first.plaintext_at
    if first.complete and second.complete:
        return size
    points = set(first.other_points) & set(second.other_points)
    return max(points) if points else None


@dataclass
class _Element:
    name: str  # ASCII lower case (SVG's camel-case adjustment does not matter here)
    namespace: str
    html_point: bool = False  # an HTML integration point (§13.2.6.5)

    @property
    def text_point(self) -> bool:
        """A MathML text integration point."""
        return self.namespace == MATHML_NS and self.name in _MATHML_TEXT_POINTS

    def special(self) -> bool:
        """§13.2.4.2 the special category."""
        if self.namespace == HTML_NS:
            return self.name in _SPECIAL
        if self.namespace == MATHML_NS:
            return self.name in _MATHML_TEXT_POINTS or self.name == "annotation-xml"
        return self.name in _SVG_HTML_POINTS

    def bounds_scope(self) -> bool:
        """A boundary of §13.2.4.2 "has an element in scope" (the default scope)."""
        return self.name in _SCOPE_HTML if self.namespace == HTML_NS else self.special()

    @property
    def stops_end_tags(self) -> bool:
        """An HTML end tag that walks down to this element is ignored (§13.2.6.4.7)."""
        if self.namespace == HTML_NS:
            return self.name in _SPECIAL
        return self.html_point or self.text_point or self.name == "annotation-xml"


class OpenElements:
    """The stack of open elements, kept as far as it decides whether a start tag is read as
    HTML or as foreign content (§13.2.6, the tree construction dispatcher).

    End tags find their element through indexes (by name, and the nearest HTML element and
    element that stops end tags, a scope's boundaries...), not by walking the stack: a megabyte
    of unclosed tags followed by as many stray end tags costs linear time, not quadratic.

    After a tag whose effect is not modelled, the elements below `_floor` may not be the
    browser's (those pushed since are): outside foreign content that decides nothing we read;
    inside it, a tag whose effect depends on them makes the stack `uncertain`."""

    def __init__(self, scripting: bool = True) -> None:
        self.scripting = scripting  # whether <noscript> holds raw text
        # An end or start tag changed the stack in a way not modelled while foreign content was
        # open: what is foreign and what is HTML is no longer known, for the rest of the document.
        self.uncertain = False
        self._foreign = 0  # SVG/MathML elements on the stack
        self._stale = False  # a formatting element was popped: reconstruction may clone it
        self._floor = 0  # below this index the stack may not be the browser's
        self._unmodelled = False  # the current tag's effect is not modelled
        self._body = False  # a tag that starts the body was read
        self.stack: list[_Element] = []
        self._named: dict[str, list[int]] = {}  # name -> indexes, any namespace
        self._html_named: dict[str, list[int]] = {}  # name -> indexes of HTML elements
        self._html: list[int] = []  # indexes of HTML elements
        self._stops: list[int] = []  # indexes of elements that stop an HTML end tag
        self._bounds: list[int] = []  # indexes of the default scope's boundaries
        self._item_stops: list[int] = []  # indexes of the elements that stop the li loop

    def _push(self, element: _Element) -> None:
        index = len(self.stack)
        self.stack.append(element)
        self._named.setdefault(element.name, []).append(index)
        if element.namespace == HTML_NS:
            self._html.append(index)
            self._html_named.setdefault(element.name, []).append(index)
        else:
            self._foreign += 1
        if element.stops_end_tags:
            self._stops.append(index)
        if element.bounds_scope():
            self._bounds.append(index)
        if element.special() and not (
            element.namespace == HTML_NS and element.name in ("address", "div", "p")
        ):
            self._item_stops.append(index)

    def _pop(self) -> None:
        index = len(self.stack) - 1
        element = self.stack.pop()
        self._named[element.name].pop()
        if element.namespace == HTML_NS:
            self._html.pop()
            self._html_named[element.name].pop()
            if element.name in _FORMATTING:
                self._stale = True  # still in the list of active formatting elements
        else:
            self._foreign -= 1
        for indexes in (self._stops, self._bounds, self._item_stops):
            if indexes and indexes[-1] == index:
                indexes.pop()
        self._floor = min(self._floor, index)

    def _truncate(self, index: int) -> None:
        """Pop every element from the top down to the one at `index`, included."""
        while len(self.stack) > index:
            self._pop()
        self._check()

    def _check(self) -> None:
        if self._foreign and self._stale:  # a formatting element may be cloned in: unknown
            self.uncertain = True

    def _unknown(self) -> None:
        """A tag whose effect is not modelled: harmless unless foreign content is open."""
        self._unmodelled = True
        if any(self._html_named.get(name) for name in _FORMATTING):
            self._stale = True  # it may pop one of them
        if self._foreign:
            self.uncertain = True

    def _settle(self) -> None:
        """After a tag: if its effect was not modelled, the stack so far may not be the
        browser's."""
        if self._unmodelled:
            self._floor = max(self._floor, len(self.stack))
            self._unmodelled = False

    def _nearest(self, names: frozenset[str]) -> int:
        """The index of the nearest HTML element named in `names`, -1 if none is open."""
        return max(
            (found[-1] for name in names if (found := self._html_named.get(name))), default=-1
        )

    def _in_scope(self, targets: frozenset[str], extra: frozenset[str] = frozenset()) -> int | None:
        """§13.2.4.2: the index of the nearest HTML element named in `targets` if it is in the
        scope whose HTML boundaries are the default ones plus `extra`; None if not in scope, -1
        if that is not known (the answer lies below `_floor`)."""
        target = self._nearest(targets)
        bound = max(self._bounds[-1] if self._bounds else -1, self._nearest(extra))
        if self._floor and max(target, bound) < self._floor:
            return -1
        return target if target >= 0 and target >= bound else None  # it may be a boundary

    def _close_in_scope(self, targets: frozenset[str], extra: frozenset[str] = frozenset()) -> None:
        """Generate implied end tags and pop up to the element in scope, if there is one."""
        index = self._in_scope(targets, extra)
        if index == -1:
            self._unknown()
        elif index is not None:
            self._truncate(index)

    def in_foreign_content(self) -> bool:
        """The adjusted current node is not HTML: a CDATA section is allowed (§13.2.5.42)."""
        return bool(self.stack) and self.stack[-1].namespace != HTML_NS

    def reads_as_html(self, name: str) -> bool:
        """Whether a start tag `name` here is read by the HTML rules (not as foreign content)."""
        if not self.stack:
            return True
        node = self.stack[-1]
        return (
            node.namespace == HTML_NS
            or node.html_point
            or (node.text_point and name not in ("mglyph", "malignmark"))
            or (node.namespace == MATHML_NS and node.name == "annotation-xml" and name == "svg")
        )

    def start(
        self, name: str, attributes: Mapping[str, str], self_closing: bool
    ) -> tuple[str, TextMode | None]:
        """A start tag: the namespace of the element it makes, and the tokenizer's new mode."""
        if not self.reads_as_html(name):
            if name not in _BREAKOUT and not (
                name == "font" and _FONT_BREAKOUT & attributes.keys()
            ):
                namespace = self.stack[-1].namespace
                if not self_closing:
                    self._push(_Element(name, namespace, _html_point(name, namespace, attributes)))
                return namespace, None
            self._leave_foreign_content()  # then read as HTML
        if name not in _HEAD_TAGS:
            self._body = True
        if name in (SVG_NS, MATHML_NS):
            # the active formatting elements are reconstructed first: under it, where they
            # change nothing we read, and none is left to reconstruct inside it
            if self._stale:
                self._floor = max(self._floor, len(self.stack))
            self._stale = False
            if not self_closing:
                self._push(_Element(name, name))
            return name, None
        mode = self._html_element(name)
        self._settle()
        return HTML_NS, mode

    def _html_element(self, name: str) -> TextMode | None:
        """An HTML start tag: what it closes, the element it opens, the tokenizer's new mode."""
        self._html_start(name)
        mode = TEXT_MODES.get(name)
        if name == "noscript" and not self.scripting:
            mode = None  # §13.2.6.4.7: an ordinary element, its content markup
            if self.maybe_in_head():
                # §13.2.6.4.5 "in head noscript": most tags pop it again and start the body
                self._unmodelled = True
        if mode is None and name not in _NOT_STACKED:
            self._push(_Element(name, HTML_NS))
        return mode

    def _html_start(self, name: str) -> None:
        """What an "in body" start tag closes before it is inserted (§13.2.6.4.7)."""
        if name in ("a", "nobr"):  # the adoption agency runs if one is in the list
            if self._html_named.get(name) or self._stale:
                self._unknown()
        elif name in _UNMODELLED_START:
            self._unknown()
        if name in ("li", "dd", "dt"):
            self._close_list_item(frozenset({"li"}) if name == "li" else _words("dd dt"))
        if name in _CLOSES_P:
            self._close_in_scope(frozenset({"p"}), frozenset({"button"}))
        if name in _HEADINGS and self.stack:
            node = self.stack[-1]
            if node.namespace == HTML_NS and node.name in _HEADINGS:
                self._pop()
        if name == "button":
            self._close_in_scope(frozenset({"button"}))

    def maybe_in_head(self) -> bool:
        """Whether the body may not have started (§13.2.6.4.2-6): no tag that starts it was
        read (text starts it too, but is not looked at)."""
        return not self._body

    def _close_list_item(self, names: frozenset[str]) -> None:
        """The loop of the `li` / `dd`,`dt` start tags: the nearest such element, unless a
        special element other than address, div and p comes first (itself is special)."""
        target = self._nearest(names)
        stop = self._item_stops[-1] if self._item_stops else -1
        if self._floor and max(target, stop) < self._floor:
            self._unknown()
        elif target >= 0 and target >= stop:
            self._truncate(target)

    def end(self, name: str) -> None:
        """An end tag: §13.2.6.5 "any other end tag" while the current node is foreign (the
        nearest element of that name above the nearest HTML element is popped), else (and from
        there) §13.2.6.4.7 in body."""
        if name in ("body", "html", "br"):
            self._body = True  # §13.2.6.4.4 "in head": read as anything else
        self._end(name)
        self._settle()

    def _end(self, name: str) -> None:
        if self.stack and self.stack[-1].namespace != HTML_NS:
            if name in ("br", "p"):
                self._leave_foreign_content()
            else:
                nearest_html = self._html[-1] if self._html else -1
                named = self._named.get(name)
                found = max(named[-1] if named else -1, nearest_html)  # where the walk stops
                if self._floor and found < self._floor:
                    self._unknown()  # it walks below what is known
                    return
                if named and named[-1] > nearest_html:
                    self._truncate(named[-1])
                    return
                if nearest_html < 0:
                    if name in _UNMODELLED_END:
                        self._unknown()  # a formatting element may have been cloned in
                    return
        self._body_end(name)

    def _body_end(self, name: str) -> None:
        """§13.2.6.4.7 "in body", an end tag."""
        if name == "template":
            self._template_end()
            return
        node = self.stack[-1] if self.stack else None
        if name in _UNMODELLED_END:
            if node is not None and node.namespace == HTML_NS and node.name == name:
                stale = self._stale
                self._pop()  # the current node: the adoption agency (or the mode) pops it
                self._stale = stale  # and a formatting element leaves the list with it
                return
            self._unknown()
            if self._foreign:
                return
        if name in _SCOPED_END:
            self._close_in_scope(frozenset({name}))
        elif name in _HEADINGS:
            self._close_in_scope(_HEADINGS)
        elif name == "p":  # not in button scope: an empty p is inserted and closed
            self._close_in_scope(frozenset({"p"}), frozenset({"button"}))
        elif name == "li":
            self._close_in_scope(frozenset({"li"}), _words("ol ul"))
        else:
            self._html_end(name)

    def _template_end(self) -> None:
        """§13.2.6.4.4 "in head": up to the template, if one is open."""
        named = self._html_named.get("template")
        if self._floor and (named[-1] if named else -1) < self._floor:
            self._unknown()
        elif named:
            self._truncate(named[-1])

    def _html_end(self, name: str) -> None:
        """In body, "any other end tag": the nearest HTML element of that name, unless an
        element of the special category comes first."""
        if name in _NOT_STACKED:
            return
        named = self._html_named.get(name)
        target = named[-1] if named else -1
        stop = self._stops[-1] if self._stops else -1
        if self._floor and max(target, stop) < self._floor:
            self._unknown()  # the walk goes below what is known
        elif target >= 0 and target >= stop:
            self._truncate(target)

    def _leave_foreign_content(self) -> None:
        while self.stack and not (
            self.stack[-1].namespace == HTML_NS
            or self.stack[-1].html_point
            or self.stack[-1].text_point
        ):
            if len(self.stack) <= self._floor:
                self._unknown()
                return
            self._pop()


def _html_point(name: str, namespace: str, attributes: Mapping[str, str]) -> bool:
    if namespace == SVG_NS:
        return name in _SVG_HTML_POINTS
    if namespace == MATHML_NS and name == "annotation-xml":
        encoding = ascii_lower(attribute_value(attributes.get("encoding", "")))
        return encoding in _HTML_ENCODINGS
    return False


def _is_link(name: str, namespace: str) -> bool:
    return (namespace == HTML_NS and name in ("a", "area")) or (namespace == SVG_NS and name == "a")


@lru_cache(maxsize=16)
def _end_tag_of(name: str) -> re.Pattern[str]:
    """§13.2.5.9-11 (RCDATA), 12-14 (RAWTEXT): the appropriate end tag, ASCII case-insensitive."""
    return re.compile(rf"</{re.escape(name)}[\t\n\f\r />]", re.ASCII | re.IGNORECASE)


class _Tokenizer:
    def __init__(self, source: str, elements: OpenElements) -> None:
        self.source = source
        self.elements = elements
        self.hrefs: list[Href] = []
        self.body_ends: list[int] = []
        self.plaintext_at: int | None = None
        self.other_points: list[int] = []
        self.noscript_seen = False

    def run(self) -> Document:
        source, pos = self.source, 0
        while (lt := source.find("<", pos)) >= 0:  # §13.2.5.1 data state
            pos = self._markup(lt)
            if self.elements.uncertain:
                break
        return Document(
            tuple(self.hrefs),
            tuple(self.body_ends),
            self.plaintext_at,
            not self.elements.uncertain and self.plaintext_at is None,
            tuple(self.other_points),
        )

    def _markup(self, lt: int) -> int:
        """§13.2.5.6 tag open state: what starts at `<`; the position after it."""
        following = self.source[lt + 1 : lt + 2]
        if following.isascii() and following.isalpha():
            return self._start_tag(lt)
        if following == "/":
            return self._end_tag(lt)
        if following == "!":
            return self._declaration(lt)
        if following == "?":  # a processing instruction: a bogus comment
            return self._until(">", lt + 2)
        return lt + 1  # a `<` in text

    def _until(self, end: str, pos: int) -> int:
        found = self.source.find(end, pos)
        if found < 0:
            raise Unterminated()
        return found + len(end)

    def _declaration(self, lt: int) -> int:
        """§13.2.5.42 markup declaration open state."""
        source = self.source
        if source.startswith("--", lt + 2):  # §13.2.5.43 comment start state
            body = lt + 4
            if source.startswith(">", body):  # <!--> (abrupt-closing-of-empty-comment)
                return body + 1
            if source.startswith("->", body):  # <!--->
                return body + 2
            match = _COMMENT_END.search(source, body)
            if match is None:
                raise Unterminated()
            return match.end()
        if source.startswith("[CDATA[", lt + 2) and self.elements.in_foreign_content():
            return self._until("]]>", lt + 9)  # §13.2.5.69 CDATA section state
        # DOCTYPE (§13.2.5.53-68: every state of it ends at `>`) or a bogus comment (§13.2.5.41)
        return self._until(">", lt + 2)

    def _end_tag(self, lt: int) -> int:
        """§13.2.5.7 end tag open state."""
        following = self.source[lt + 2 : lt + 3]
        if not following:  # `</` at the end is text, but anything appended would end it
            raise Unterminated()
        if following == ">":
            return lt + 3  # `</>`: nothing
        if not (following.isascii() and following.isalpha()):
            return self._until(">", lt + 2)  # a bogus comment
        name_match = _TAG_NAME.match(self.source, lt + 2)
        assert name_match is not None
        name = ascii_lower(name_match.group())
        _, end, _ = self._attributes(name_match.end())  # an end tag's attributes are dropped
        html_here = self.elements.reads_as_html("img")
        if name == "body" and html_here:
            self.body_ends.append(lt)  # the pixel can go here: in foreign content, it breaks out
        self.elements.end(name)
        if self.elements.uncertain and html_here:
            self.other_points.append(lt)
        return end

    def _note_place(self, name: str, lt: int) -> None:
        """Before a start tag read as HTML: a place for the pixel if it is one of the others."""
        if name == "noscript" and not self.noscript_seen:
            self.noscript_seen = True  # where parses with and without scripting part ways
            if not self.elements.maybe_in_head():  # (an <img> there would start the body)
                self.other_points.append(lt)
        elif name in (SVG_NS, MATHML_NS):
            self.other_points.append(lt)  # before foreign content, where the stack is known

    def _start_tag(self, lt: int) -> int:
        source = self.source
        name_match = _TAG_NAME.match(source, lt + 1)
        assert name_match is not None
        name = ascii_lower(name_match.group())
        attributes, end, self_closing = self._attributes(name_match.end())
        values = {key: source[a.start : a.end] for key, a in attributes.items()}
        html_here = self.elements.reads_as_html("img")
        if html_here:
            self._note_place(name, lt)
        namespace, mode = self.elements.start(name, values, self_closing)
        if self.elements.uncertain:
            if html_here and lt not in self.other_points:
                self.other_points.append(lt)
            return end  # (the tokenizer stops here)
        href = attributes.get("href")
        if href is not None and _is_link(name, namespace):
            value = attribute_value(source[href.start : href.end])
            self.hrefs.append(Href(href.start, href.end, href.quoted, value, lt))
        if mode is None:
            return end
        if mode == "plaintext":  # §13.2.5.5: the rest of the document is text
            self.plaintext_at = lt
            return len(source)
        if mode == "script":
            return self._script_data(end)
        found = _end_tag_of(name).search(source, end)
        if found is None:
            raise Unterminated()
        return self._attributes(found.start() + 2 + len(name))[1]

    def _attributes(self, pos: int) -> tuple[dict[str, Attribute], int, bool]:
        """From the end of a tag name to the end of the tag (§13.2.5.32-40): the attributes
        (the first of each name), the position after `>`, and whether it ended with `/>`."""
        source, size = self.source, len(self.source)
        attributes: dict[str, Attribute] = {}
        while True:
            pos = _end(_WS, source, pos)
            if pos >= size:
                raise Unterminated()
            char = source[pos]
            if char == ">":
                return attributes, pos + 1, False
            if char == "/":  # §13.2.5.40 self-closing start tag state
                if source.startswith(">", pos + 1):
                    return attributes, pos + 2, True
                pos += 1
                continue
            name_match = _ATTRIBUTE_NAME.match(source, pos)
            assert name_match is not None
            name = ascii_lower(name_match.group())
            pos = _end(_WS, source, name_match.end())
            value = Attribute(pos, pos, False)
            if source.startswith("=", pos):  # §13.2.5.35 before attribute value state
                value, pos = self._value(_end(_WS, source, pos + 1))
            attributes.setdefault(name, value)  # a duplicate attribute is dropped

    def _value(self, pos: int) -> tuple[Attribute, int]:
        quote = self.source[pos : pos + 1]
        if quote in ('"', "'"):  # §13.2.5.36-37
            close = self.source.find(quote, pos + 1)
            if close < 0:
                raise Unterminated()
            return Attribute(pos + 1, close, True), close + 1
        end = _end(_UNQUOTED_VALUE, self.source, pos)
        return Attribute(pos, end, False), end

    def _script_data(self, pos: int) -> int:
        """§13.2.5.4 script data state and the escaped states that follow it (§13.2.5.15-31):
        the position after the script's end tag."""
        while True:
            found = _SCRIPT_DATA.search(self.source, pos)
            if found is None:
                raise Unterminated()
            if found.group().startswith("</"):  # the appropriate end tag
                return self._attributes(found.start() + len("</script"))[1]
            pos = self._script_escaped(found.end())  # after `<!--`: back in script data

    def _script_escaped(self, pos: int) -> int:
        """Script data escaped (after `<!--`) and double escaped (after `<script` in it):
        the position where plain script data resumes, or after the script's end tag (then
        script data finds that end tag again: its `</script` precedes the position)."""
        source, size = self.source, len(self.source)
        dashes, double = 2, False  # entered in the escaped dash dash state (§13.2.5.22)
        while pos < size:
            char = source[pos]
            if char == "-":
                dashes += 1
                pos += 1
                continue
            if char == ">" and dashes >= 2:  # §13.2.5.22 / 29: `-->` ends the escape
                return pos + 1
            dashes = 0
            if char != "<":
                pos += 1
                continue
            if not double and _SCRIPT_END.match(source, pos):  # §13.2.5.23-25
                return pos  # script data reads this end tag
            if double and source.startswith("/", pos + 1):  # §13.2.5.30-31 double escape end
                pos, ended = self._script_word(pos + 2)
                double = not ended
            elif not double:  # §13.2.5.23 escaped less-than sign, §13.2.5.26 double escape start
                pos, double = self._script_word(pos + 1)
            else:
                pos += 1
        raise Unterminated()

    def _script_word(self, pos: int) -> tuple[int, bool]:
        """Letters after `<` or `</` in escaped script: whether they are `script` followed by
        whitespace, `/` or `>` (which is consumed), and the position after them."""
        letters = _end(_ASCII_LETTERS, self.source, pos)
        delimiter = self.source[letters : letters + 1]
        if (
            delimiter
            and delimiter in "\t\n\f\r />"
            and ascii_lower(self.source[pos:letters]) == "script"
        ):
            return letters + 1, True
        return letters, False


def tokenize(
    source: str, elements: OpenElements | None = None, *, scripting: bool = True
) -> Document:
    """The document's link hrefs (`<a>`/`<area>`, and SVG's `<a>`) and the pixel's places.
    Unterminated if it ends inside a tag, a comment, or an element whose text is not markup
    (PLAINTEXT excepted: it runs to the end by definition). `elements`: a stack to track open
    elements with (tests compare variants of tree construction); else one with `scripting`."""
    if elements is None:
        elements = OpenElements(scripting)
    return _Tokenizer(source, elements).run()
