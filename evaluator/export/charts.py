"""The workbook's charts: a funnel plot per offer type and of the jobcenters, and an 8-quarter
trend per provider.

A chart reads numbers from cells. The cells a reader sees may say "<5" for a suppressed quarter,
which a chart would draw as zero, so each chart reads its own copy of the figures from a hidden
sheet where a suppressed or empty value is an empty cell (a gap in the line).
"""

from dataclasses import dataclass

from openpyxl.chart import BarChart, LineChart, Reference, ScatterChart, Series
from openpyxl.chart.axis import ChartLines
from openpyxl.chart.legend import LegendEntry
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.worksheet.worksheet import Worksheet

from evaluator.export.xlsx import NUMBER_FORMATS, text


@dataclass(frozen=True)
class FunnelShape:
    """What a funnel plot draws: the limit lines (mart column, label, colour, dash) over the x
    column, and the points' x and y columns, with the axes' words and the y axis' format."""

    x_key: str
    y_key: str
    lines: tuple[tuple[str, str, str, str], ...]
    x_label: str
    y_label: str
    points_label: str
    y_format: str
    y_max: float | None


OFFER_FUNNEL = FunnelShape(
    x_key="participants",
    y_key="effect_rate",
    lines=(
        ("lower_998_rate", "funnel_998", "C00000", "sysDash"),
        ("lower_95_rate", "funnel_95", "ED7D31", "dash"),
        ("type_effect_rate", "funnel_rate", "404040", "solid"),
        ("upper_95_rate", "funnel_95", "ED7D31", "dash"),
        ("upper_998_rate", "funnel_998", "C00000", "sysDash"),
    ),
    x_label="funnel_x",
    y_label="funnel_y",
    points_label="funnel_offers",
    y_format="rate",
    y_max=1,
)
JOBCENTER_FUNNEL = FunnelShape(
    x_key="expected_effects",
    y_key="oe_ratio",
    lines=(
        ("lower_998_oe_ratio", "funnel_998", "C00000", "sysDash"),
        ("lower_95_oe_ratio", "funnel_95", "ED7D31", "dash"),
        ("centre_oe_ratio", "jobcenter_funnel_centre", "404040", "solid"),
        ("upper_95_oe_ratio", "funnel_95", "ED7D31", "dash"),
        ("upper_998_oe_ratio", "funnel_998", "C00000", "sysDash"),
    ),
    x_label="jobcenter_funnel_x",
    y_label="jobcenter_funnel_y",
    points_label="jobcenter_funnel_points",
    y_format="decimal",
    y_max=None,
)


@dataclass
class ChartData:
    """The hidden sheet that holds every chart's numbers, one block below the other."""

    sheet: Worksheet
    next_row: int = 1

    def add_block(self, header: list[str], rows: list[list[float | str | None]]) -> int:
        """Write a header and rows; returns the header's row number."""
        first = self.next_row
        for position, name in enumerate(header, start=1):
            text(self.sheet, first, position, name)
        for offset, values in enumerate(rows, start=1):
            for position, value in enumerate(values, start=1):
                if isinstance(value, str):
                    text(self.sheet, first + offset, position, value)
                else:
                    self.sheet.cell(row=first + offset, column=position, value=value)
        self.next_row = first + len(rows) + 2
        return first


def funnel_chart(
    data: ChartData,
    limits: list[dict],
    points: list[dict],
    title: str,
    labels: dict[str, str],
    shape: FunnelShape = OFFER_FUNNEL,
) -> ScatterChart:
    """Groups as points (offers: participants and effect rate; jobcenters: expected effects and
    O/E) over the centre line and the control limits; suppressed groups are not drawn."""
    limit_header = [shape.x_key, *(key for key, *_ in shape.lines)]
    limit_rows = [[row[key] for key in limit_header] for row in limits]
    limits_row = data.add_block(limit_header, limit_rows)
    shown = [point for point in points if not point["is_suppressed"]]
    offer_rows = [[point[shape.x_key], point[shape.y_key]] for point in shown]
    offers_row = data.add_block([shape.x_key, shape.y_key], offer_rows or [[None, None]])

    chart = ScatterChart()
    chart.title = title
    chart.style = 13
    chart.height, chart.width = 9, 18
    chart.x_axis.title = labels[shape.x_label]
    chart.y_axis.title = labels[shape.y_label]
    chart.y_axis.number_format = NUMBER_FORMATS[shape.y_format]
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, shape.y_max
    chart.y_axis.majorGridlines = ChartLines()
    chart.x_axis.delete = chart.y_axis.delete = False
    x_limits = Reference(
        data.sheet, min_col=1, min_row=limits_row + 1, max_row=limits_row + len(limits)
    )
    for position, (_, label, colour, dash) in enumerate(shape.lines, start=2):
        values = Reference(
            data.sheet, min_col=position, min_row=limits_row + 1, max_row=limits_row + len(limits)
        )
        series = Series(values, x_limits, title=labels[label])
        series.marker.symbol = "none"
        series.smooth = False
        series.graphicalProperties.line.solidFill = colour
        series.graphicalProperties.line.dashStyle = dash
        series.graphicalProperties.line.width = 15000
        chart.series.append(series)
    last_offer_row = offers_row + max(len(offer_rows), 1)
    points = Series(
        Reference(data.sheet, min_col=2, min_row=offers_row + 1, max_row=last_offer_row),
        Reference(data.sheet, min_col=1, min_row=offers_row + 1, max_row=last_offer_row),
        title=labels[shape.points_label],
    )
    points.marker.symbol = "circle"
    points.marker.size = 7
    points.marker.graphicalProperties = GraphicalProperties(solidFill="1F4E79")
    points.marker.graphicalProperties.line.solidFill = "1F4E79"
    points.graphicalProperties.line.noFill = True
    chart.series.append(points)
    # The upper limits repeat the lower ones' legend entries; keep one of each.
    chart.legend.legendEntry = [LegendEntry(idx=3, delete=True), LegendEntry(idx=4, delete=True)]
    chart.legend.position = "b"
    return chart


def trend_chart(data: ChartData, trend: list[dict], labels: dict[str, str]) -> BarChart:
    """Effect price as bars (left axis) and effect rate as a line (right axis), per quarter."""
    rows = [
        [
            row["quarter"],
            None if row["is_suppressed"] else row["effect_price_dkk"],
            None if row["is_suppressed"] else row["effect_rate"],
        ]
        for row in trend
    ]
    header = [labels["quarter"], labels["effect_price"], labels["effect_rate"]]
    first = data.add_block(header, rows)
    last = first + len(rows)
    categories = Reference(data.sheet, min_col=1, min_row=first + 1, max_row=last)

    bars = BarChart()
    bars.title = labels["trend_chart"]
    bars.height, bars.width = 7.5, 16
    bars.add_data(
        Reference(data.sheet, min_col=2, min_row=first, max_row=last), titles_from_data=True
    )
    bars.set_categories(categories)
    bars.y_axis.title = labels["effect_price"]
    bars.y_axis.number_format = NUMBER_FORMATS["money"]
    bars.y_axis.majorGridlines = ChartLines()
    bars.series[0].graphicalProperties.solidFill = "9DC3E6"

    line = LineChart()
    line.add_data(
        Reference(data.sheet, min_col=3, min_row=first, max_row=last), titles_from_data=True
    )
    line.set_categories(categories)
    line.y_axis.axId = 200
    line.y_axis.title = labels["effect_rate"]
    line.y_axis.number_format = NUMBER_FORMATS["rate"]
    line.y_axis.crosses = "max"
    line.y_axis.majorGridlines = None
    line.series[0].graphicalProperties.line.solidFill = "C00000"
    line.series[0].marker.symbol = "circle"
    line.series[0].smooth = False
    for axis in (bars.x_axis, bars.y_axis, line.y_axis):
        axis.delete = False
    bars += line
    bars.legend.position = "b"
    return bars
