"""A small SOQL engine: tokenizer, parser, validation against the schema, and execution.

It covers the shapes a CRM sidebar sends: field lists with relationship paths, parent-to-child
subqueries, WHERE with AND/OR/NOT and parentheses, comparison/IN/NOT IN/LIKE/null, date literals,
semi-joins (``Id IN (SELECT ...)``), ORDER BY with NULLS FIRST/LAST, LIMIT, OFFSET and COUNT().
Errors are raised as :class:`SoqlError` carrying Salesforce's error code and message.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from .ids import canonical_id
from .schema import (
    ID_TYPES,
    NUMBER_TYPES,
    POLYMORPHIC_CANONICAL,
    POLYMORPHIC_FIELDS,
    STRING_TYPES,
    FieldDef,
    SObjectDef,
    lookup_type,
    type_for_id,
)

Record = dict[str, Any]
MAX_QUERY_LENGTH = 100_000
MAX_NESTING = 40
MAX_OFFSET = 2000

KEYWORDS = frozenset(
    {
        "and",
        "asc",
        "by",
        "desc",
        "excludes",
        "false",
        "first",
        "for",
        "from",
        "group",
        "having",
        "in",
        "includes",
        "last",
        "like",
        "limit",
        "not",
        "null",
        "nulls",
        "offset",
        "or",
        "order",
        "select",
        "true",
        "typeof",
        "using",
        "where",
        "with",
    }
)

_INVALID_FIELD_HINT = (
    "If you are attempting to use a custom field, be sure to append the '__c' after the custom "
    "field name. Please reference your WSDL or the describe call for the appropriate names."
)
_INVALID_REL_HINT = (
    "If you are attempting to use a custom relationship, be sure to append the '__r' after the "
    "custom relationship name. Please reference your WSDL or the describe call for the "
    "appropriate names."
)
_INVALID_TYPE_HINT = (
    "If you are attempting to use a custom object, be sure to append the '__c' after the entity "
    "name. Please reference your WSDL or the describe call for the appropriate names."
)


class SoqlError(Exception):
    """A query error with Salesforce's errorCode (MALFORMED_QUERY, INVALID_FIELD, ...)."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


# --------------------------------------------------------------------------------------------
# Tokenizer
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    kind: str  # IDENT STRING NUMBER DATE DATETIME OP LPAREN RPAREN COMMA COLON EOF
    text: str  # source text
    pos: int
    value: Any = None  # decoded value (strings, numbers, dates)
    like: str | None = None  # for STRING: the regex of the literal read as a LIKE pattern

    @property
    def upper(self) -> str:
        return self.text.upper()

    def is_kw(self, *words: str) -> bool:
        return self.kind == "IDENT" and self.text.lower() in words


_TOKEN_RE = re.compile(
    r"""
    (?P<WS>\s+)
  | (?P<DATETIME>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:?\d{2}))
  | (?P<DATE>\d{4}-\d{2}-\d{2}(?![\w:]))
  | (?P<NUMBER>[+-]?\d+(?:\.\d+)?(?![\w.]))
  | (?P<IDENT>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)
  | (?P<OP>!=|<>|<=|>=|=|<|>)
  | (?P<LPAREN>\()
  | (?P<RPAREN>\))
  | (?P<COMMA>,)
  | (?P<COLON>:)
    """,
    re.VERBOSE,
)

_ESCAPES = {
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "b": "\b",
    "f": "\f",
    '"': '"',
    "'": "'",
    "\\": "\\",
}


def row_col(text: str, pos: int) -> tuple[int, int]:
    row = text.count("\n", 0, pos) + 1
    line_start = text.rfind("\n", 0, pos) + 1
    return row, pos - line_start + 1


def located(query: str, pos: int, message: str) -> str:
    """Salesforce's error layout: the query line, a caret, the position, then the message."""
    row, col = row_col(query, pos)
    lines = query.split("\n")
    line = lines[row - 1] if row - 1 < len(lines) else ""
    return f"\n{line[:200]}\n{' ' * min(col - 1, 200)}^\nERROR at Row:{row}:Column:{col}\n{message}"


def _malformed(query: str, pos: int, message: str) -> SoqlError:
    return SoqlError("MALFORMED_QUERY", located(query, pos, message))


def _read_string(query: str, start: int) -> tuple[Token, int]:
    """Read a single-quoted literal starting at ``start`` (the quote)."""
    out: list[str] = []
    like: list[str] = []
    i = start + 1
    length = len(query)
    while i < length:
        char = query[i]
        if char == "'":
            value = "".join(out)
            return (
                Token("STRING", query[start : i + 1], start, value, "".join(like)),
                i + 1,
            )
        if char == "\\":
            if i + 1 >= length:
                break
            nxt = query[i + 1]
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
                like.append(re.escape(_ESCAPES[nxt]))
                i += 2
                continue
            if nxt in "%_":
                out.append("\\" + nxt)  # kept escaped in the plain value, as Salesforce does
                like.append(re.escape(nxt))
                i += 2
                continue
            if nxt == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", query[i + 2 : i + 6]):
                decoded = chr(int(query[i + 2 : i + 6], 16))
                out.append(decoded)
                like.append(re.escape(decoded))
                i += 6
                continue
            raise _malformed(
                query,
                i,
                f"Invalid string literal '{query[start : i + 2]}'. Illegal escape sequence "
                f"'\\{nxt}'",
            )
        out.append(char)
        if char == "%":
            like.append(".*")
        elif char == "_":
            like.append(".")
        else:
            like.append(re.escape(char))
        i += 1
    raise _malformed(query, start, "Unterminated string literal")


def tokenize(query: str) -> list[Token]:
    if len(query) > MAX_QUERY_LENGTH:
        raise SoqlError("MALFORMED_QUERY", "Query too complicated: query string is too long")
    tokens: list[Token] = []
    pos = 0
    length = len(query)
    while pos < length:
        if query[pos] == "'":
            token, pos = _read_string(query, pos)
            tokens.append(token)
            continue
        match = _TOKEN_RE.match(query, pos)
        if match is None:
            raise _malformed(query, pos, f"unexpected token: '{query[pos]}'")
        kind = match.lastgroup or ""
        text = match.group()
        if kind != "WS":
            tokens.append(Token(kind, text, pos, _literal_value(query, pos, kind, text)))
        pos = match.end()
    tokens.append(Token("EOF", "", length))
    return tokens


def _literal_value(query: str, pos: int, kind: str, text: str) -> Any:
    """The value of a NUMBER, DATE or DATETIME token (None for other kinds)."""
    if kind == "NUMBER":
        return float(text) if "." in text else int(text)
    if kind == "DATE":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise _malformed(
                query, pos, f"line 1:{pos} no viable alternative at character '{text}'"
            ) from None
    if kind == "DATETIME":
        value = _parse_datetime_literal(text)
        if value is None:
            raise _malformed(query, pos, f"invalid datetime literal: {text}")
        return value
    return None


#: the dateTime literals SOQL documents: YYYY-MM-DDThh:mm:ss followed by +hh:mm, -hh:mm or Z
#: ("Date Formats and Date Literals in WHERE", https://developer.salesforce.com/docs/platform/salesforce-soql-sosl/guide/sforce-api-calls-soql-select-dateformats.md);
#: the REST form of a value (`.000+0000`) is not one of them and is refused
_DOCUMENTED_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})")


def _parse_datetime_literal(text: str) -> dt.datetime | None:
    if not _DOCUMENTED_DATETIME.fullmatch(text):
        return None
    normalised = text.replace("Z", "+00:00")
    try:
        value = dt.datetime.fromisoformat(normalised)
    except ValueError:
        return None
    return value.astimezone(dt.UTC)


#: the characters a SOQL string literal escapes, and their escapes
_QUOTED = {
    "\\": "\\\\",
    "'": "\\'",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


def soql_quote(value: str) -> str:
    """Quote ``value`` as a SOQL string literal (matches exactly ``value`` with =)."""
    return "'" + "".join(_QUOTED.get(char, char) for char in value) + "'"


def like_escape(value: str) -> str:
    """Escape LIKE wildcards in ``value`` (then quote with :func:`soql_quote`)."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def soql_like_quote(value: str) -> str:
    """A quoted LIKE pattern that matches ``value`` literally (no wildcards)."""
    quoted = soql_quote(value)
    return quoted.replace("%", "\\%").replace("_", "\\_")


# --------------------------------------------------------------------------------------------
# AST
# --------------------------------------------------------------------------------------------


@dataclass
class FieldRef:
    path: list[str]
    pos: int
    # filled by validation
    steps: list[FieldDef] = field(default_factory=list)
    final: FieldDef | None = None
    polymorphic_final: bool = False

    @property
    def text(self) -> str:
        return ".".join(self.path)


@dataclass
class Literal:
    kind: str  # string number boolean null date datetime range
    value: Any
    pos: int
    text: str
    like: str | None = None


@dataclass
class Comparison:
    field: FieldRef
    op: str  # = != < <= > >= in notin like includes excludes
    values: list[Literal]
    semi_join: Query | None = None
    like_re: re.Pattern[str] | None = None


@dataclass
class BoolOp:
    op: str  # and / or
    items: list[Condition]


@dataclass
class Not:
    item: Condition


Condition = Comparison | BoolOp | Not


@dataclass
class OrderKey:
    field: FieldRef
    descending: bool
    nulls_first: bool


@dataclass
class CountItem:
    field: FieldRef | None
    pos: int
    alias: str | None = None


@dataclass
class Query:
    items: list[FieldRef | Query | CountItem]
    sobject: str
    sobject_pos: int
    where: Condition | None = None
    order: list[OrderKey] = field(default_factory=list)
    limit: int | None = None
    offset: int | None = None
    pos: int = 0
    # filled by validation
    obj: SObjectDef | None = None
    child_field: str | None = None  # for a parent-to-child subquery: the child's lookup field
    source: str = ""


# --------------------------------------------------------------------------------------------
# Parser
# --------------------------------------------------------------------------------------------


_T = TypeVar("_T")
_VALUE_KINDS = {"NUMBER": "number", "DATE": "date", "DATETIME": "datetime"}  # token -> literal


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = tokenize(query)
        self.i = 0
        self.depth = 0

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def advance(self) -> Token:
        token = self.tokens[self.i]
        if token.kind != "EOF":
            self.i += 1
        return token

    def unexpected(self, token: Token | None = None) -> SoqlError:
        token = token or self.tok
        if token.kind == "EOF":
            return _malformed(self.query, token.pos, "unexpected token: '<EOF>'")
        return _malformed(self.query, token.pos, f"unexpected token: '{token.text}'")

    def expect_kw(self, *words: str) -> Token:
        if not self.tok.is_kw(*words):
            raise self.unexpected()
        return self.advance()

    def expect(self, kind: str) -> Token:
        if self.tok.kind != kind:
            raise self.unexpected()
        return self.advance()

    def ident(self) -> Token:
        token = self.tok
        if token.kind != "IDENT" or token.text.lower() in KEYWORDS:
            raise self.unexpected()
        return self.advance()

    # query := SELECT items FROM name [WHERE cond] [WITH x] [ORDER BY keys] [LIMIT n] [OFFSET n]
    def parse_query(self, *, nested: bool) -> Query:
        start = self.expect_kw("select")
        items = self.comma_list(lambda: self.parse_select_item(nested=nested))
        self.expect_kw("from")
        name = self.ident()
        if "." in name.text:
            raise self.unexpected(name)
        query = Query(items=items, sobject=name.text, sobject_pos=name.pos, pos=start.pos)
        # optional alias is not supported; a bare identifier here is an error
        if self.tok.is_kw("where"):
            self.advance()
            query.where = self.parse_condition()
        if self.tok.is_kw("with"):
            self.advance()
            self.expect_word("SECURITY_ENFORCED", "USER_MODE", "SYSTEM_MODE")
        if self.tok.is_kw("group", "having", "typeof", "using"):
            raise self.unexpected()
        if self.tok.is_kw("order"):
            self.advance()
            self.expect_kw("by")
            query.order.extend(self.comma_list(self.parse_order_key))
        self.parse_limits(query)
        if not nested and self.tok.is_kw("for"):
            self.advance()
            self.expect_word("VIEW", "REFERENCE")
        return query

    def comma_list(self, parse_item: Callable[[], _T]) -> list[_T]:
        items = [parse_item()]
        while self.tok.kind == "COMMA":
            self.advance()
            items.append(parse_item())
        return items

    def expect_word(self, *words: str) -> Token:
        """An identifier that is one of `words` (upper case), e.g. WITH's and FOR's modes."""
        word = self.ident()
        if word.upper not in words:
            raise self.unexpected(word)
        return word

    def parse_limits(self, query: Query) -> None:
        if self.tok.is_kw("limit"):
            self.advance()
            query.limit = self.parse_int()
        if self.tok.is_kw("offset"):
            self.advance()
            query.offset = self.parse_int()
            if query.offset > MAX_OFFSET:
                raise SoqlError(
                    "NUMBER_OUTSIDE_VALID_RANGE",
                    f"Maximum SOQL offset allowed is {MAX_OFFSET}",
                )

    def parse_int(self) -> int:
        token = self.tok
        if token.kind != "NUMBER" or not isinstance(token.value, int) or token.value < 0:
            raise self.unexpected()
        self.advance()
        return int(token.value)

    def parse_select_item(self, *, nested: bool) -> FieldRef | Query | CountItem:
        token = self.tok
        if token.kind == "LPAREN":
            if nested:
                raise self.unexpected()
            self.advance()
            self.enter()
            sub = self.parse_query(nested=True)
            self.leave()
            self.expect("RPAREN")
            return sub
        if token.kind == "IDENT" and token.text.lower() == "count" and self.peek_kind() == "LPAREN":
            self.advance()
            self.advance()
            inner: FieldRef | None = None
            if self.tok.kind != "RPAREN":
                ident = self.ident()
                inner = FieldRef(ident.text.split("."), ident.pos)
            self.expect("RPAREN")
            alias = None
            if self.tok.kind == "IDENT" and self.tok.text.lower() not in KEYWORDS:
                alias = self.advance().text
            return CountItem(inner, token.pos, alias)
        ident = self.ident()
        if self.tok.kind == "LPAREN":
            # functions (toLabel, FORMAT, aggregate functions other than COUNT) unsupported
            raise self.unexpected()
        return FieldRef(ident.text.split("."), ident.pos)

    def peek_kind(self) -> str:
        return self.tokens[min(self.i + 1, len(self.tokens) - 1)].kind

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise _malformed(self.query, self.tok.pos, "Query too complicated: nesting too deep")

    def leave(self) -> None:
        self.depth -= 1

    def parse_order_key(self) -> OrderKey:
        ident = self.ident()
        descending = False
        if self.tok.is_kw("asc", "desc"):
            descending = self.advance().text.lower() == "desc"
        nulls_first = not descending
        if self.tok.is_kw("nulls"):
            self.advance()
            nulls_first = self.expect_kw("first", "last").text.lower() == "first"
        return OrderKey(FieldRef(ident.text.split("."), ident.pos), descending, nulls_first)

    # condition := unary ((AND unary)* | (OR unary)*)   -- mixing needs parentheses, as in SOQL
    def parse_condition(self) -> Condition:
        first = self.parse_unary()
        if not self.tok.is_kw("and", "or"):
            return first
        connector = self.tok.text.lower()
        items = [first]
        while self.tok.is_kw("and", "or"):
            if self.tok.text.lower() != connector:
                raise self.unexpected()
            self.advance()
            items.append(self.parse_unary())
        return BoolOp(connector, items)

    def parse_unary(self) -> Condition:
        if self.tok.is_kw("not"):
            self.advance()
            return Not(self.parse_unary())
        if self.tok.kind == "LPAREN":
            self.advance()
            self.enter()
            inner = self.parse_condition()
            self.leave()
            self.expect("RPAREN")
            return inner
        return self.parse_comparison()

    def parse_comparison(self) -> Condition:
        ident = self.ident()
        ref = FieldRef(ident.text.split("."), ident.pos)
        token = self.tok
        if token.kind == "OP":
            self.advance()
            op = "!=" if token.text == "<>" else token.text
            return Comparison(ref, op, [self.parse_value()])
        if token.is_kw("like"):
            self.advance()
            value = self.parse_value()
            if value.kind != "string":
                raise self.unexpected_literal(value)
            return Comparison(ref, "like", [value])
        negate = False
        if token.is_kw("not"):
            self.advance()
            negate = True
            if not self.tok.is_kw("in"):
                raise self.unexpected()
        if self.tok.is_kw("in", "includes", "excludes"):
            return self.parse_set_comparison(ref, negate=negate)
        raise self.unexpected()

    # IN / NOT IN / INCLUDES / EXCLUDES, a list of values or (IN only) a semi-join
    def parse_set_comparison(self, ref: FieldRef, *, negate: bool) -> Condition:
        word = self.advance().text.lower()
        if negate and word != "in":
            raise self.unexpected()
        op = "notin" if negate else word
        self.expect("LPAREN")
        if self.tok.is_kw("select"):
            if word != "in":
                raise self.unexpected()
            self.enter()
            sub = self.parse_query(nested=True)
            self.leave()
            self.expect("RPAREN")
            return Comparison(ref, op, [], semi_join=sub)
        values = self.comma_list(self.parse_value)
        self.expect("RPAREN")
        return Comparison(ref, op, values)

    def unexpected_literal(self, literal: Literal) -> SoqlError:
        return _malformed(self.query, literal.pos, f"unexpected token: {literal.text}")

    def parse_value(self) -> Literal:
        token = self.tok
        if token.kind == "STRING":
            self.advance()
            return Literal("string", token.value, token.pos, token.text, token.like)
        if token.kind in _VALUE_KINDS:
            self.advance()
            return Literal(_VALUE_KINDS[token.kind], token.value, token.pos, token.text)
        if token.kind == "IDENT":
            return self.parse_word_value(token)
        raise self.unexpected()

    def parse_word_value(self, token: Token) -> Literal:
        """true, false, null and the date literals (LAST_N_DAYS:7, TODAY, ...)."""
        lowered = token.text.lower()
        if lowered in {"true", "false"}:
            self.advance()
            return Literal("boolean", lowered == "true", token.pos, token.text)
        if lowered == "null":
            self.advance()
            return Literal("null", None, token.pos, token.text)
        upper = token.text.upper()
        if upper in _DATE_LITERALS_N:
            self.advance()
            self.expect("COLON")
            number = self.tok
            if number.kind != "NUMBER" or not isinstance(number.value, int):
                raise self.unexpected()
            self.advance()
            return Literal("range", (upper, number.value), token.pos, f"{upper}:{number.text}")
        if upper in _DATE_LITERALS:
            self.advance()
            return Literal("range", (upper, 0), token.pos, upper)
        raise self.unexpected()


def parse(query: str) -> Query:
    if not isinstance(query, str) or not query.strip():
        raise SoqlError("MALFORMED_QUERY", "unexpected token: '<EOF>'")
    parser = _Parser(query)
    try:
        parsed = parser.parse_query(nested=False)
    except RecursionError:  # pragma: no cover - bounded by MAX_NESTING
        raise SoqlError("MALFORMED_QUERY", "Query too complicated") from None
    if parser.tok.kind != "EOF":
        raise parser.unexpected()
    parsed.source = query
    return parsed


# --------------------------------------------------------------------------------------------
# Date literals
# --------------------------------------------------------------------------------------------

_DATE_LITERALS = frozenset(
    {
        "YESTERDAY",
        "TODAY",
        "TOMORROW",
        "LAST_WEEK",
        "THIS_WEEK",
        "NEXT_WEEK",
        "LAST_MONTH",
        "THIS_MONTH",
        "NEXT_MONTH",
        "LAST_90_DAYS",
        "NEXT_90_DAYS",
        "LAST_YEAR",
        "THIS_YEAR",
        "NEXT_YEAR",
    }
)
_DATE_LITERALS_N = frozenset(
    {
        "LAST_N_DAYS",
        "NEXT_N_DAYS",
        "N_DAYS_AGO",
        "LAST_N_WEEKS",
        "NEXT_N_WEEKS",
        "LAST_N_MONTHS",
        "NEXT_N_MONTHS",
        "N_WEEKS_AGO",
        "N_MONTHS_AGO",
    }
)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def date_range(name: str, n: int, today: dt.date) -> tuple[dt.date, dt.date]:
    """The [start, end) day range of a date literal, in the (UTC) calendar."""
    day = dt.timedelta(days=1)
    week_start = today - dt.timedelta(days=(today.weekday() + 1) % 7)  # Sunday
    month_start = today.replace(day=1)
    year_start = today.replace(month=1, day=1)
    ranges: dict[str, Callable[[], tuple[dt.date, dt.date]]] = {
        "YESTERDAY": lambda: (today - day, today),
        "TODAY": lambda: (today, today + day),
        "TOMORROW": lambda: (today + day, today + 2 * day),
        "LAST_WEEK": lambda: (week_start - 7 * day, week_start),
        "THIS_WEEK": lambda: (week_start, week_start + 7 * day),
        "NEXT_WEEK": lambda: (week_start + 7 * day, week_start + 14 * day),
        "LAST_MONTH": lambda: (_add_months(month_start, -1), month_start),
        "THIS_MONTH": lambda: (month_start, _add_months(month_start, 1)),
        "NEXT_MONTH": lambda: (_add_months(month_start, 1), _add_months(month_start, 2)),
        "LAST_90_DAYS": lambda: (today - 90 * day, today + day),
        "NEXT_90_DAYS": lambda: (today + day, today + 91 * day),
        "LAST_YEAR": lambda: (year_start.replace(year=year_start.year - 1), year_start),
        "THIS_YEAR": lambda: (year_start, year_start.replace(year=year_start.year + 1)),
        "NEXT_YEAR": lambda: (
            year_start.replace(year=year_start.year + 1),
            year_start.replace(year=year_start.year + 2),
        ),
        "LAST_N_DAYS": lambda: (today - n * day, today + day),
        "NEXT_N_DAYS": lambda: (today + day, today + (n + 1) * day),
        "N_DAYS_AGO": lambda: (today - n * day, today - (n - 1) * day),
        "LAST_N_WEEKS": lambda: (week_start - 7 * n * day, week_start),
        "NEXT_N_WEEKS": lambda: (week_start + 7 * day, week_start + 7 * (n + 1) * day),
        "N_WEEKS_AGO": lambda: (week_start - 7 * n * day, week_start - 7 * (n - 1) * day),
        "LAST_N_MONTHS": lambda: (_add_months(month_start, -n), month_start),
        "NEXT_N_MONTHS": lambda: (_add_months(month_start, 1), _add_months(month_start, n + 1)),
        "N_MONTHS_AGO": lambda: (_add_months(month_start, -n), _add_months(month_start, 1 - n)),
    }
    return ranges[name]()


# --------------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------------


def format_datetime(value: dt.datetime) -> str:
    value = value.astimezone(dt.UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}+0000"


def to_json_value(ftype: str, value: Any) -> Any:
    """A stored value as Salesforce serialises it in JSON."""
    if value is None:
        return None
    if ftype == "datetime" and isinstance(value, dt.datetime):
        return format_datetime(value)
    if ftype == "date" and isinstance(value, dt.date):
        return value.isoformat()
    if ftype in {"double", "currency", "percent"} and isinstance(value, int | float):
        return float(value)
    return value


# --------------------------------------------------------------------------------------------
# Validation and execution
# --------------------------------------------------------------------------------------------


class DataSource(Protocol):
    """What the engine needs from the org, seen as one user."""

    def can_read(self, type_name: str) -> bool: ...

    def visible_records(self, type_name: str) -> Iterable[Record]: ...

    def get_visible(self, record_id: str) -> Record | None: ...

    def now(self) -> dt.datetime: ...


def _invalid_type(query: str, pos: int, name: str) -> SoqlError:
    return SoqlError(
        "INVALID_TYPE",
        located(query, pos, f"sObject type '{name}' is not supported. {_INVALID_TYPE_HINT}"),
    )


class _Compiler:
    def __init__(self, source: str, ds: DataSource) -> None:
        self.source = source
        self.ds = ds

    def compile(self, query: Query, *, parent: SObjectDef | None = None) -> None:
        query.source = self.source
        obj = query.obj = self.target(query, parent)
        self.check_aggregates(query, parent)
        self.compile_items(query, obj)
        if query.where is not None:
            self.compile_condition(query.where, obj)
        for order_key in query.order:
            self.resolve(order_key.field, obj)

    def target(self, query: Query, parent: SObjectDef | None) -> SObjectDef:
        """The object a query reads: FROM's type, or a child relationship of `parent`."""
        if parent is not None:
            rel = parent.children.get(query.sobject.lower())
            if rel is None or not self.ds.can_read(rel.child_type):
                raise SoqlError(
                    "INVALID_TYPE",
                    located(
                        self.source,
                        query.sobject_pos,
                        f"Didn't understand relationship '{query.sobject}' in FROM part of "
                        f"query call. {_INVALID_REL_HINT}",
                    ),
                )
            obj = lookup_type(rel.child_type)
            query.child_field = rel.field
        else:
            obj = lookup_type(query.sobject)
            if obj is None or not self.ds.can_read(obj.name):
                raise _invalid_type(self.source, query.sobject_pos, query.sobject)
        assert obj is not None
        return obj

    def check_aggregates(self, query: Query, parent: SObjectDef | None) -> None:
        """COUNT() stands alone, in a top-level query without ORDER BY."""
        counts = [item for item in query.items if isinstance(item, CountItem)]
        if counts and (len(query.items) > 1 or parent is not None):
            raise _malformed(
                self.source,
                counts[0].pos,
                "Grouped query cannot use child relationships or other fields without an "
                "aggregate in the select list"
                if len(query.items) > 1
                else "unexpected token: 'COUNT'",
            )
        if counts and query.order:
            raise _malformed(
                self.source, query.order[0].field.pos, "Ordered field must be grouped or aggregated"
            )

    def compile_items(self, query: Query, obj: SObjectDef) -> None:
        """Resolve every selected item (subqueries compiled), refusing duplicates."""
        seen: set[str] = set()
        for item in query.items:
            if isinstance(item, Query):
                self.compile(item, parent=obj)
                key = "(" + item.sobject.lower()
            elif isinstance(item, CountItem):
                if item.field is not None:
                    self.resolve(item.field, obj)
                key = "count"
            else:
                self.resolve(item, obj)
                key = item.text.lower()
            if key in seen:
                pos = item.pos if not isinstance(item, Query) else item.sobject_pos
                raise _malformed(self.source, pos, f"duplicate field selected: {_item_name(item)}")
            seen.add(key)

    def resolve(self, ref: FieldRef, obj: SObjectDef) -> None:
        current: SObjectDef | None = obj
        ref.steps = []
        path = ref.path
        for index, part in enumerate(path):
            last = index == len(path) - 1
            if current is None:  # after a polymorphic relationship: only Name-object fields
                canonical = POLYMORPHIC_CANONICAL.get(part.lower())
                if not last or canonical is None:
                    raise self._no_column(ref, part, "Name")
                ref.final = FieldDef(canonical, POLYMORPHIC_FIELDS[part.lower()])
                ref.polymorphic_final = True
                return
            if last:
                found = current.field(part)
                if found is None:
                    raise self._no_column(ref, part, current.name)
                ref.final = found
                return
            rel = current.relationship(part)
            if rel is None:
                raise SoqlError(
                    "INVALID_FIELD",
                    located(
                        self.source,
                        ref.pos,
                        f"Didn't understand relationship '{part}' in field path. "
                        f"{_INVALID_REL_HINT}",
                    ),
                )
            ref.steps.append(rel)
            current = lookup_type(rel.reference_to[0]) if len(rel.reference_to) == 1 else None

    def _no_column(self, ref: FieldRef, part: str, entity: str) -> SoqlError:
        return SoqlError(
            "INVALID_FIELD",
            located(
                self.source,
                ref.pos,
                f"No such column '{part}' on entity '{entity}'. {_INVALID_FIELD_HINT}",
            ),
        )

    def compile_condition(self, cond: Condition, obj: SObjectDef) -> None:
        if isinstance(cond, BoolOp):
            for item in cond.items:
                self.compile_condition(item, obj)
            return
        if isinstance(cond, Not):
            self.compile_condition(cond.item, obj)
            return
        self.resolve(cond.field, obj)
        final = cond.field.final
        assert final is not None
        if not final.filterable:
            raise SoqlError(
                "INVALID_FIELD",
                located(
                    self.source,
                    cond.field.pos,
                    f"field '{cond.field.text}' can not be filtered in a query call",
                ),
            )
        ftype = final.type
        if cond.semi_join is not None:
            sub = cond.semi_join
            self.compile(sub)
            if (
                ftype not in ID_TYPES
                or len(sub.items) != 1
                or not isinstance(sub.items[0], FieldRef)
                or sub.items[0].final is None
                or sub.items[0].final.type not in ID_TYPES
            ):
                raise SoqlError(
                    "INVALID_QUERY_FILTER_OPERATOR",
                    located(
                        self.source,
                        cond.field.pos,
                        "The selected field in a semi join subquery must be an Id or a reference "
                        "to an Id, and the outer field must be an Id or a reference",
                    ),
                )
            return
        if cond.op == "like":
            if ftype not in STRING_TYPES:
                raise SoqlError(
                    "INVALID_QUERY_FILTER_OPERATOR",
                    located(
                        self.source,
                        cond.field.pos,
                        f"invalid operator on {ftype} field: {cond.field.text}",
                    ),
                )
            pattern = cond.values[0].like or ""
            cond.like_re = re.compile(f"^(?:{pattern})$", re.IGNORECASE | re.DOTALL)
            return
        for literal in cond.values:
            self.check_literal(cond, literal, ftype)

    def check_literal(self, cond: Comparison, literal: Literal, ftype: str) -> None:
        name = cond.field.text
        if literal.kind == "null":
            if cond.op not in {"=", "!=", "in", "notin"}:
                raise self._bad_value(literal, f"invalid operator on null value: {cond.op}")
            return
        if ftype in ID_TYPES:
            if literal.kind != "string":
                raise self._bad_value(
                    literal,
                    f"value of filter criterion for field '{name}' must be of type id and "
                    "should be enclosed in quotes",
                )
            if canonical_id(literal.value) is None:
                raise SoqlError(
                    "INVALID_QUERY_FILTER_OPERATOR",
                    located(self.source, literal.pos, f"invalid ID field: {literal.value}"),
                )
            return
        expected: dict[str, tuple[set[str], str]] = {
            "boolean": ({"boolean"}, "boolean and should not be enclosed in quotes"),
            "date": ({"date", "range"}, "date and should not be enclosed in quotes"),
            "datetime": ({"datetime", "range"}, "dateTime and should not be enclosed in quotes"),
        }
        if ftype in expected:
            kinds, text = expected[ftype]
        elif ftype in NUMBER_TYPES:
            kinds, text = {"number"}, "double and should not be enclosed in quotes"
        else:
            kinds, text = {"string"}, "string and should be enclosed in quotes"
        if literal.kind not in kinds:
            raise self._bad_value(
                literal, f"value of filter criterion for field '{name}' must be of type {text}"
            )

    def _bad_value(self, literal: Literal, message: str) -> SoqlError:
        return SoqlError("INVALID_FIELD", located(self.source, literal.pos, message))


def _item_name(item: FieldRef | Query | CountItem) -> str:
    if isinstance(item, FieldRef):
        return item.text
    if isinstance(item, Query):
        return item.sobject
    return "COUNT()"


class _Executor:
    def __init__(self, ds: DataSource, api_version: str) -> None:
        self.ds = ds
        self.api_version = api_version
        self.now = ds.now().astimezone(dt.UTC)
        self.today = self.now.date()
        self._cache: dict[str, Record | None] = {}

    # ---- record access
    def get(self, record_id: str | None) -> Record | None:
        if not record_id:
            return None
        if record_id not in self._cache:
            self._cache[record_id] = self.ds.get_visible(record_id)
        return self._cache[record_id]

    def attributes(self, record: Record) -> dict[str, str]:
        obj = type_for_id(record["Id"])
        type_name = obj.name if obj else "Name"
        return {
            "type": type_name,
            "url": f"/services/data/v{self.api_version}/sobjects/{type_name}/{record['Id']}",
        }

    def value(self, record: Record, ref: FieldRef) -> Any:
        current: Record | None = record
        for step in ref.steps:
            assert current is not None
            current = self.get(current.get(step.name))
            if current is None:
                return None
        assert current is not None and ref.final is not None
        if ref.polymorphic_final and ref.final.name == "Type":
            obj = type_for_id(current["Id"])
            return obj.name if obj else None
        return current.get(ref.final.name)

    # ---- running
    def run(self, query: Query, rows: Iterable[Record] | None = None) -> list[Record]:
        assert query.obj is not None
        source = rows if rows is not None else self.ds.visible_records(query.obj.name)
        matched = [r for r in source if query.where is None or self.test(query.where, r)]
        if query.order:
            matched.sort(key=functools.cmp_to_key(lambda a, b: self.compare_rows(query, a, b)))
        start = query.offset or 0
        end = None if query.limit is None else start + query.limit
        return matched[start:end]

    def compare_rows(self, query: Query, a: Record, b: Record) -> int:
        for key in query.order:
            left, right = _sortable(self.value(a, key.field)), _sortable(self.value(b, key.field))
            if left is None and right is None:
                continue
            if left is None:
                return -1 if key.nulls_first else 1
            if right is None:
                return 1 if key.nulls_first else -1
            if left == right:
                continue
            result = -1 if left < right else 1
            return -result if key.descending else result
        return 0

    def test(self, cond: Condition, record: Record) -> bool:
        if isinstance(cond, BoolOp):
            if cond.op == "and":
                return all(self.test(item, record) for item in cond.items)
            return any(self.test(item, record) for item in cond.items)
        if isinstance(cond, Not):
            return not self.test(cond.item, record)
        return self.compare(cond, record)

    def compare(self, cond: Comparison, record: Record) -> bool:
        final = cond.field.final
        assert final is not None
        ftype = final.type
        raw = self.value(record, cond.field)
        if cond.semi_join is not None:
            rows = self.run(cond.semi_join)
            inner = cond.semi_join.items[0]
            assert isinstance(inner, FieldRef)
            ids = {self.value(r, inner) for r in rows}
            return raw is not None and raw in ids
        if cond.op == "like":
            return (
                isinstance(raw, str) and cond.like_re is not None and bool(cond.like_re.match(raw))
            )
        if cond.op in {"in", "notin"}:
            hit = any(self._equals(ftype, raw, literal) for literal in cond.values)
            return hit if cond.op == "in" else not hit
        if cond.op in {"includes", "excludes"}:
            parts = {p.strip().casefold() for p in str(raw or "").split(";") if p.strip()}
            hit = any(
                all(v.strip().casefold() in parts for v in str(lit.value).split(";"))
                for lit in cond.values
                if lit.kind == "string"
            )
            return hit if cond.op == "includes" else not hit
        literal = cond.values[0]
        if cond.op == "=":
            return self._equals(ftype, raw, literal)
        if cond.op == "!=":
            return not self._equals(ftype, raw, literal)
        if raw is None or literal.kind == "null":
            return False
        if literal.kind == "range":
            start, end = self._range(literal)
            value = raw.date() if isinstance(raw, dt.datetime) else raw
            return {
                "<": value < start,
                "<=": value < end,
                ">": value >= end,
                ">=": value >= start,
            }[cond.op]
        left, right = self._normalise(ftype, raw), self._normalise(ftype, literal.value)
        try:
            return bool(_ORDERING[cond.op](left, right))
        except TypeError:
            return False

    def _range(self, literal: Literal) -> tuple[dt.date, dt.date]:
        name, n = literal.value
        return date_range(name, n, self.today)

    def _equals(self, ftype: str, raw: Any, literal: Literal) -> bool:
        if literal.kind == "null":
            return raw is None
        if raw is None:
            return False
        if literal.kind == "range":
            start, end = self._range(literal)
            value = raw.date() if isinstance(raw, dt.datetime) else raw
            return bool(start <= value < end)
        return bool(self._normalise(ftype, raw) == self._normalise(ftype, literal.value))

    @staticmethod
    def _normalise(ftype: str, value: Any) -> Any:
        if ftype in ID_TYPES and isinstance(value, str):
            return canonical_id(value) or value
        if isinstance(value, str):
            return value.casefold()
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float):
            return float(value)
        return value

    # ---- shaping the response
    def shape(self, query: Query, record: Record) -> Record:
        out: Record = {"attributes": self.attributes(record)}
        for item in query.items:
            if isinstance(item, Query):
                out[_child_name(query, item)] = self.child_result(item, record)
            elif isinstance(item, FieldRef):
                self.place(out, record, item)
        return out

    def place(self, out: Record, record: Record, ref: FieldRef) -> None:
        target = out
        current: Record | None = record
        for step in ref.steps:
            assert current is not None
            rel_name = step.relationship_name or step.name
            nxt = self.get(current.get(step.name))
            if nxt is None:
                target.setdefault(rel_name, None)
                return
            existing = target.get(rel_name)
            if not isinstance(existing, dict):
                existing = {"attributes": self.attributes(nxt)}
                target[rel_name] = existing
            target = existing
            current = nxt
        assert current is not None and ref.final is not None
        if ref.polymorphic_final and ref.final.name == "Type":
            obj = type_for_id(current["Id"])
            target[ref.final.name] = obj.name if obj else None
            return
        ftype = ref.final.type
        if ref.polymorphic_final:
            obj = type_for_id(current["Id"])
            real = obj.field(ref.final.name) if obj else None
            ftype = real.type if real else ftype
        target[ref.final.name] = to_json_value(ftype, current.get(ref.final.name))

    def child_result(self, sub: Query, parent: Record) -> Record | None:
        assert sub.obj is not None and sub.child_field is not None
        parent_id = parent["Id"]
        rows = [
            r for r in self.ds.visible_records(sub.obj.name) if r.get(sub.child_field) == parent_id
        ]
        selected = self.run(sub, rows)
        if not selected:
            return None
        return {
            "totalSize": len(selected),
            "done": True,
            "records": [self.shape(sub, r) for r in selected],
        }


_ORDERING: dict[str, Callable[[Any, Any], Any]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def _child_name(parent: Query, sub: Query) -> str:
    assert parent.obj is not None
    rel = parent.obj.children.get(sub.sobject.lower())
    return rel.name if rel else sub.sobject


def _sortable(value: Any) -> Any:
    if isinstance(value, str):
        return value.casefold()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        return value.timestamp()
    if isinstance(value, dt.date):
        return value.toordinal()
    return value


def execute(query_text: str, ds: DataSource, *, api_version: str = "59.0") -> Record:
    """Run a SOQL query as the user behind ``ds``; return Salesforce's query response body."""
    query = parse(query_text)
    _Compiler(query_text, ds).compile(query)
    executor = _Executor(ds, api_version)
    counts = [item for item in query.items if isinstance(item, CountItem)]
    if counts:
        unlimited = Query(query.items, query.sobject, query.sobject_pos, query.where, obj=query.obj)
        rows = executor.run(unlimited)
        count_item = counts[0]
        if count_item.field is None:
            total = len(rows)
            if query.limit is not None:
                total = min(total, query.limit)
            return {"totalSize": total, "done": True, "records": []}
        ref = count_item.field
        counted = sum(1 for r in rows if executor.value(r, ref) is not None)
        alias = count_item.alias or "expr0"
        return {
            "totalSize": 1,
            "done": True,
            "records": [{"attributes": {"type": "AggregateResult"}, alias: counted}],
        }
    rows = executor.run(query)
    return {
        "totalSize": len(rows),
        "done": True,
        "records": [executor.shape(query, r) for r in rows],
    }
