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
  `noscript` as with scripting on), script data with its escaped states, and PLAINTEXT, which
  only an HTML element switches to (§13.2.6.4.7, "in body");
- foreign content (`svg`, `math`): CDATA sections, and the tags that break out of it or are
  HTML inside integration points (§13.2.6.5), with a stack of open elements that closes them.
What it does not model (they do not move a link in or out of text in the messages we see):
implied end tags, the adoption agency, foster parenting, `select` and `frameset` parsing.
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
# switches the tokenizer, with scripting enabled (a mail client with scripts off would read
# <noscript> as markup: a link there is left alone, which costs tracking, never the link).
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
    hrefs: tuple[Href, ...]
    # Where an <img> changes nothing else: before the last </body> (not inside SVG or MathML,
    # where it would end foreign content for what follows), else before <plaintext>, else the end
    pixel_at: int


@dataclass
class _Element:
    name: str  # ASCII lower case (SVG's camel-case adjustment does not matter here)
    namespace: str
    html_point: bool = False  # an HTML integration point (§13.2.6.5)

    @property
    def text_point(self) -> bool:
        """A MathML text integration point."""
        return self.namespace == MATHML_NS and self.name in _MATHML_TEXT_POINTS

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
    element that stops end tags), not by walking the stack: a megabyte of unclosed tags
    followed by as many stray end tags costs linear time, not quadratic."""

    def __init__(self) -> None:
        self.stack: list[_Element] = []
        self._named: dict[str, list[int]] = {}  # name -> indexes, any namespace
        self._html_named: dict[str, list[int]] = {}  # name -> indexes of HTML elements
        self._html: list[int] = []  # indexes of HTML elements
        self._stops: list[int] = []  # indexes of elements that stop an HTML end tag

    def _push(self, element: _Element) -> None:
        index = len(self.stack)
        self.stack.append(element)
        self._named.setdefault(element.name, []).append(index)
        if element.namespace == HTML_NS:
            self._html.append(index)
            self._html_named.setdefault(element.name, []).append(index)
        if element.stops_end_tags:
            self._stops.append(index)

    def _pop(self) -> None:
        index = len(self.stack) - 1
        element = self.stack.pop()
        self._named[element.name].pop()
        if element.namespace == HTML_NS:
            self._html.pop()
            self._html_named[element.name].pop()
        if self._stops and self._stops[-1] == index:
            self._stops.pop()

    def _truncate(self, index: int) -> None:
        """Pop every element from the top down to the one at `index`, included."""
        while len(self.stack) > index:
            self._pop()

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
        if name in (SVG_NS, MATHML_NS):
            if not self_closing:
                self._push(_Element(name, name))
            return name, None
        mode = TEXT_MODES.get(name)
        if mode is None and name not in _NOT_STACKED:
            self._push(_Element(name, HTML_NS))
        return HTML_NS, mode

    def end(self, name: str) -> None:
        """An end tag: §13.2.6.5 "any other end tag" while the current node is foreign (the
        nearest element of that name above the nearest HTML element is popped), else (and from
        there) §13.2.6.4.7 in body."""
        if self.stack and self.stack[-1].namespace != HTML_NS:
            if name in ("br", "p"):
                self._leave_foreign_content()
            else:
                nearest_html = self._html[-1] if self._html else -1
                named = self._named.get(name)
                if named and named[-1] > nearest_html:
                    self._truncate(named[-1])
                    return
                if nearest_html < 0:
                    return
        self._html_end(name)

    def _html_end(self, name: str) -> None:
        """In body, "any other end tag": the nearest HTML element of that name, unless an
        element of the special category comes first (which is how scoped end tags stop at
        their scope's boundaries too)."""
        named = self._html_named.get(name)
        if name in _NOT_STACKED or not named:
            return
        if not self._stops or named[-1] >= self._stops[-1]:
            self._truncate(named[-1])

    def _leave_foreign_content(self) -> None:
        while self.stack and not (
            self.stack[-1].namespace == HTML_NS
            or self.stack[-1].html_point
            or self.stack[-1].text_point
        ):
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
        self.body_end: int | None = None
        self.plaintext_at: int | None = None

    def run(self) -> Document:
        source, pos = self.source, 0
        while (lt := source.find("<", pos)) >= 0:  # §13.2.5.1 data state
            pos = self._markup(lt)
        end = len(source)
        pixel_at = self.body_end if self.body_end is not None else self.plaintext_at
        return Document(tuple(self.hrefs), end if pixel_at is None else pixel_at)

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
        if name == "body" and self.elements.reads_as_html("img"):
            self.body_end = lt  # the pixel can go here: in foreign content it would break out
        self.elements.end(name)
        return end

    def _start_tag(self, lt: int) -> int:
        source = self.source
        name_match = _TAG_NAME.match(source, lt + 1)
        assert name_match is not None
        name = ascii_lower(name_match.group())
        attributes, end, self_closing = self._attributes(name_match.end())
        values = {key: source[a.start : a.end] for key, a in attributes.items()}
        namespace, mode = self.elements.start(name, values, self_closing)
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


def tokenize(source: str, elements: OpenElements | None = None) -> Document:
    """The document's link hrefs (`<a>`/`<area>`, and SVG's `<a>`) and the pixel's place.
    Unterminated if it ends inside a tag, a comment, or an element whose text is not markup
    (PLAINTEXT excepted: it runs to the end by definition). `elements`: a stack to track open
    elements with (tests compare variants of tree construction)."""
    return _Tokenizer(source, elements if elements is not None else OpenElements()).run()
