"""The dashboard's charts say what they show in words (axes, title, description, hatch), and
its CSV never hands a spreadsheet a formula."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

import pytest

from chalicelib.admin import charts
from chalicelib.admin.page import _day_table
from chalicelib.admin.service import UsageReport, csv_cell

DAYS = [date(2026, 11, 1) + timedelta(days=i) for i in range(3)]


def test_a_chart_labels_both_axes_and_describes_itself_in_words() -> None:
    svg = charts.bar_chart("chart-0", "Lookups", DAYS, [3, 0, 12])
    assert ">Uses per day</text>" in svg  # the y axis
    assert ">Day (UTC)</text>" in svg  # the x axis
    assert '<title id="chart-0-title">Lookups per day</title>' in svg
    assert 'role="img"' in svg and 'aria-labelledby="chart-0-title chart-0-desc"' in svg
    desc = re.search(r'<desc id="chart-0-desc">([^<]+)</desc>', svg)
    assert desc and "15" in desc.group(1) and "2026-11-03" in desc.group(1)  # total, busiest


def test_bars_are_hatched_so_that_colour_is_not_needed() -> None:
    svg = charts.bar_chart("chart-1", "Lookups", DAYS, [3, 0, 12])
    assert '<pattern id="chart-1-hatch"' in svg
    bars = re.findall(r'<rect [^>]*fill="url\(#chart-1-hatch\)"', svg)
    assert len(bars) == 2  # a day without use draws no bar


def test_every_days_figure_is_in_a_table_for_keyboard_and_screen_reader_users() -> None:
    table = _day_table("Lookups", DAYS, [3, 0, 1200])
    assert table.startswith("<details><summary>")
    assert '<th scope="col">Day (UTC)</th>' in table
    rows = re.findall(r'<th scope="row">([^<]+)</th><td class="number">([^<]+)</td>', table)
    assert rows == [("2026-11-01", "3"), ("2026-11-02", "0"), ("2026-11-03", "1,200")]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_csv_cell_that_a_spreadsheet_would_run_stays_text(start: str) -> None:
    cell = csv_cell(start + 'HYPERLINK("http://x")')
    parsed = next(csv.reader(io.StringIO(cell)))[0]
    assert parsed.startswith("'" + start)


def test_plain_csv_cells_are_unchanged_and_separators_are_quoted() -> None:
    assert csv_cell("2026-11-01") == "2026-11-01"
    assert csv_cell("42") == "42"
    assert csv_cell('a,"b"') == '"a,""b"""'


def test_the_usage_csv_goes_through_the_guard() -> None:
    report = UsageReport(DAYS[0], DAYS[0], ["lookups"], [(DAYS[0], {"lookups": 2})])
    assert report.csv() == "day,lookups\r\n2026-11-01,2\r\n"
