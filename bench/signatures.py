"""Signature extraction: precision and recall per field over the labelled corpus, and the time
to parse a 2 KB email.

`python -m bench --only signatures` runs only this one. The corpus, its scoring and the targets
are shared with tests/unit/test_signatures.py, which asserts the same targets.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.core import REPO, Figure, median, runs

ORDER = 60
TITLE = "Signature extraction: per-field precision and recall, parse time"
METHOD = """
Quality: `parse_signature` on every case of tests/data/signatures/corpus.jsonl (labelled
signatures in several layouts and languages, plain text and HTML, replies, forwards, legal
notices, mobile footers, and emails without a signature). A returned value counts as right when
it equals the label (whitespace collapsed); a wrong value is both a false positive and a false
negative. Figures are the misses, 100 x (1 - precision) and 100 x (1 - recall), so that the
targets are upper bounds like every other figure; the detail gives precision, recall and counts.
Fields are grouped as the issue's targets are: names (first, last), phones (phone, mobile, fax).
Time: median over repeated in-process parses of a 2 KB email (a reply with a signature, a legal
notice and a quoted history), after one warm-up parse.
"""

CORPUS = REPO / "tests" / "data" / "signatures" / "corpus.jsonl"
# field group -> (fields, target for precision and recall)
TARGETS: dict[str, tuple[tuple[str, ...], float]] = {
    "email": (("email",), 0.95),
    "phone": (("phone", "mobile", "fax"), 0.95),
    "names": (("first_name", "last_name"), 0.9),
    "title": (("title",), 0.8),
    "company": (("company",), 0.8),
    "street": (("street",), 0.8),
    "city": (("city",), 0.8),
    "state": (("state",), 0.8),
    "postal_code": (("postal_code",), 0.8),
    "country": (("country",), 0.8),
    "website": (("website",), 0.0),
    "linkedin": (("linkedin",), 0.0),
}
PARSE_TARGET_MS = 5.0


@dataclass(frozen=True)
class Case:
    id: str
    text: str | None
    html: str | None
    sender_email: str
    sender_name: str | None
    expected: Mapping[str, str]
    tags: tuple[str, ...]


@dataclass
class Score:
    right: int = 0
    wrong: int = 0  # returned, but not the label (or nothing was labelled)
    missed: int = 0  # labelled, but not returned or returned wrong

    @property
    def precision(self) -> float:
        returned = self.right + self.wrong
        return self.right / returned if returned else 1.0

    @property
    def recall(self) -> float:
        labelled = self.right + self.missed
        return self.right / labelled if labelled else 1.0


def load_corpus(path: Path = CORPUS) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        cases.append(
            Case(
                id=raw["id"],
                text=raw.get("text"),
                html=raw.get("html"),
                sender_email=raw["from"]["email"],
                sender_name=raw["from"].get("name"),
                expected=raw["expected"],
                tags=tuple(raw.get("tags", ())),
            )
        )
    return cases


HELD_OUT = REPO / "tests" / "data" / "signatures" / "heldout.py"


def load_held_out(path: Path = HELD_OUT) -> list[Case]:
    """The held-out cases (written after the parser, never tuned on: docs/records.md)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("signatures_held_out", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [
        Case(
            id=raw["id"],
            text=raw.get("text"),
            html=raw.get("html"),
            sender_email=raw["from"]["email"],
            sender_name=raw["from"].get("name"),
            expected=raw["expected"],
            tags=tuple(raw.get("tags", ())),
        )
        for raw in module.CASES
    ]


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def score(results: Iterable[tuple[Case, Mapping[str, str]]]) -> dict[str, Score]:
    """Per field: right, wrong and missed values of the parser's `fields` against the labels."""
    scores: dict[str, Score] = {}
    for case, fields in results:
        for name in set(case.expected) | set(fields):
            entry = scores.setdefault(name, Score())
            expected, found = case.expected.get(name), fields.get(name)
            if expected is not None and found is not None and _same(expected, found):
                entry.right += 1
                continue
            entry.wrong += found is not None
            entry.missed += expected is not None
    return scores


def group(scores: Mapping[str, Score], fields: Sequence[str]) -> Score:
    total = Score()
    for name in fields:
        entry = scores.get(name, Score())
        total.right += entry.right
        total.wrong += entry.wrong
        total.missed += entry.missed
    return total


def parse_corpus(cases: Sequence[Case]) -> list[tuple[Case, dict[str, str]]]:
    from chalicelib.records.signatures import parse_signature

    return [
        (c, parse_signature(c.text, c.html, c.sender_email, c.sender_name).fields) for c in cases
    ]


def two_kb_email() -> str:
    """A reply whose newest message is signed, with a legal notice and a quoted history."""
    body = (
        "Hi Bob,\n\nThanks for the call earlier. As promised, here is the summary of what we "
        "agreed: the pilot starts on the 1st, twelve seats, and we review it after six weeks. "
        "I have attached the order form; could you have it signed by Friday?\n\n"
        "Best regards,\nAnna Müller\nHead of Sales DACH | Rheinwerk Systems GmbH\n"
        "Friedrichstraße 68, 10117 Berlin, Germany\nTel.: +49 30 12345678 | Mobil: 0171 2345678"
        "\nanna.mueller@rheinwerk-systems.de | www.rheinwerk-systems.de\n\n"
        "Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat "
        "sind, informieren Sie bitte sofort den Absender und vernichten Sie diese E-Mail.\n\n"
        "On Tue, Mar 5, 2024 at 9:14 AM Bob Lawrence <bob.lawrence@prospect-co.com> wrote:\n"
    )
    quoted = "> Hi Anna, could you send me the updated quote and the onboarding plan?\n"
    text = body
    while len(text.encode()) < 2048:
        text += quoted
    return text[:2048]


def parse_time_ms(repeat: int) -> float:
    from chalicelib.records.signatures import parse_signature

    text = two_kb_email()
    sender = "anna.mueller@rheinwerk-systems.de"
    parse_signature(text, None, sender, "Anna Müller")
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        parse_signature(text, None, sender, "Anna Müller")
        samples.append((time.perf_counter() - started) * 1000)
    return median(samples)


def _held_out_figures() -> list[Figure]:
    """The held-out column: the same groups over heldout.py, reported (no target asserted:
    these say how real mail fares, and the parser is not tuned on them)."""
    cases = load_held_out()
    results = parse_corpus(cases)
    scores = score(results)
    figures = []
    for name, (fields, _) in TARGETS.items():
        total = group(scores, fields)
        figures.append(
            Figure(
                f"held-out {name}: precision / recall",
                round(total.recall, 3),
                "recall",
                f"over the {len(cases)} held-out cases (tests/data/signatures/heldout.py), "
                "beside the in-sample figures above; not tuned on, no target.",
                detail=f"precision {total.precision:.3f}, recall {total.recall:.3f} "
                f"(right {total.right}, wrong {total.wrong}, missed {total.missed})",
                informational=True,
            )
        )
    figures.append(
        Figure(
            "held-out: fields returned for emails without a signature",
            invented_on_unsigned(results),
            "fields",
            f"over the {sum(1 for c in cases if not c.expected)} held-out unsigned emails "
            "(invites, out-of-office replies, newsletters, sign-offs).",
            informational=True,
        )
    )
    return figures


def _quality_figures(scores: Mapping[str, Score]) -> list[Figure]:
    figures = []
    for name, (fields, target) in TARGETS.items():
        total = group(scores, fields)
        detail = (
            f"precision {total.precision:.3f}, recall {total.recall:.3f} "
            f"(right {total.right}, wrong {total.wrong}, missed {total.missed})"
        )
        bound = round(100 * (1 - target), 1) if target else None
        for metric, value in (("precision", total.precision), ("recall", total.recall)):
            figures.append(
                Figure(
                    f"{name}: {metric} misses",
                    round(100 * (1 - value), 2),
                    "%",
                    f"100 x (1 - {metric}) over the corpus; target {metric} >= {target:g}."
                    if target
                    else f"100 x (1 - {metric}) over the corpus (no target).",
                    target=bound,
                    detail=detail if metric == "precision" else "",
                    informational=bound is None,
                )
            )
    return figures


def invented_on_unsigned(results: Sequence[tuple[Case, Mapping[str, str]]]) -> int:
    return sum(len(fields) for case, fields in results if not case.expected)


def run() -> list[Figure]:
    cases = load_corpus()
    results = parse_corpus(cases)
    scores = score(results)
    unsigned = sum(1 for c in cases if not c.expected)
    kinds = Counter(tag for c in cases for tag in c.tags)
    return [
        *_quality_figures(scores),
        *_held_out_figures(),
        Figure(
            "fields returned for emails without a signature",
            invented_on_unsigned(results),
            "fields",
            f"over the corpus's {unsigned} unsigned emails; target 0.",
            target=0,
        ),
        Figure(
            "parse time, 2 KB email (median)",
            parse_time_ms(runs(200)),
            "ms",
            "in-process parse of a signed reply with a legal notice and quoted history.",
            target=PARSE_TARGET_MS,
            detail=f"corpus: {len(cases)} cases, "
            + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())),
        ),
    ]


def report(results: Sequence[tuple[Case, Mapping[str, str]]]) -> str:
    """Mismatches, one per line, for a developer tuning the parser (never run in CI)."""
    lines: list[Any] = []
    for case, fields in results:
        for name in sorted(set(case.expected) | set(fields)):
            expected, found = case.expected.get(name), fields.get(name)
            if expected is None or found is None or not _same(expected, found):
                lines.append(f"{case.id} {name}: expected {expected!r} got {found!r}")
    return "\n".join(lines)
