"""The statistics page's charts (pyqtgraph, imported only when the charts are first made):
intake and closure by month, on-time closure by unit, response times of the district
departments, intake by route, by source and by problem category. Each plot and its bars are
made once; new figures only ``setOpts`` them. A click on a bar asks for the cases behind it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QWidget
from sqlite_utils import Database

from app.core.indicators import Group
from app.core.periods import Period, month_of
from app.store.statistics import TOTAL, GroupFigures, figures

TOP_CATEGORIES = 10
MONTHS = 12


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its value as drawn, and the figure it stands for."""

    label: str
    value: float
    key: str
    period: Period
    group: Group
    code: str | None  # None: the whole township
    title: str  # what the cases-behind dialog says it lists


@dataclass
class ChartData:
    received: list[Bar] = field(default_factory=list)  # per month
    closed: list[Bar] = field(default_factory=list)  # per month
    on_time: list[Bar] = field(default_factory=list)  # per unit, percent
    response: list[Bar] = field(default_factory=list)  # per district department, minutes
    routes: list[Bar] = field(default_factory=list)
    sources: list[Bar] = field(default_factory=list)
    categories: list[Bar] = field(default_factory=list)


def _bars(
    rows: list[GroupFigures], key: str, period: Period, group: Group, scale: float = 1.0
) -> list[Bar]:
    found = []
    for row in rows:
        figure = row.figures.get(key)
        if row.group == TOTAL or figure is None or figure.value is None or not figure.counted:
            continue
        code = row.group
        title = f"{period.label} · {row.name} · {key}"
        found.append(Bar(row.name, figure.value * scale, key, period, group, code, title))
    return found


def chart_data(db: Database, period: Period, now: datetime, names: dict[str, str]) -> ChartData:
    """On the worker: the figures every chart shows (``names``: indicator key -> name)."""
    data = ChartData()
    month = month_of(period.last)
    months = [month]
    for _ in range(MONTHS - 1):
        months.insert(0, months[0].previous())
    for m in months:
        total = figures(db, m, Group.UNIT, now, keys=("received", "closed"))[-1]
        label = f"{m.first.month}月" if m.first.month != 1 else f"{m.first.year}年1月"
        for key, out in (("received", data.received), ("closed", data.closed)):
            figure = total.figures.get(key)
            value = figure.value if figure and figure.value else 0
            title = f"{m.label} · 全镇 · {names[key]}"
            out.append(Bar(label, float(value), key, m, Group.UNIT, None, title))
    units = figures(db, period, Group.UNIT, now, keys=("on_time_closure_rate",))
    data.on_time = _bars(units, "on_time_closure_rate", period, Group.UNIT, 100.0)
    calls = figures(db, period, Group.UNIT, now, keys=("response_avg_minutes",))
    data.response = _bars(calls, "response_avg_minutes", period, Group.UNIT)
    data.routes = _bars(figures(db, period, Group.ROUTE, now, ("received",)), "received",
                        period, Group.ROUTE)  # fmt: skip
    data.sources = _bars(figures(db, period, Group.SOURCE, now, ("received",)), "received",
                         period, Group.SOURCE)  # fmt: skip
    categories = _bars(figures(db, period, Group.CATEGORY, now, ("received",)), "received",
                       period, Group.CATEGORY)  # fmt: skip
    data.categories = sorted(categories, key=lambda b: -b.value)[:TOP_CATEGORIES]
    for bars in (data.on_time, data.response, data.routes, data.sources, data.categories):
        for n, bar in enumerate(bars):
            title = bar.title.replace(bar.key, names[bar.key])
            bars[n] = Bar(bar.label, bar.value, bar.key, bar.period, bar.group, bar.code, title)
    return data


class BarChart:
    """One plot with one or two series of bars, made once and fed with ``show``."""

    def __init__(
        self, pg, title: str, horizontal: bool, colours: tuple[str, ...], legend: tuple[str, ...]
    ) -> None:
        self.pg, self.horizontal = pg, horizontal
        self.widget = pg.PlotWidget(enableMenu=False)  # no menus made: a fifth of the cost
        self.widget.setMinimumSize(200, 100)
        self.plot = self.widget.getPlotItem()
        self.plot.setTitle(title, size="10pt")
        self.plot.hideButtons()
        self.plot.getViewBox().setMouseEnabled(False, False)
        self.plot.showGrid(x=horizontal, y=not horizontal, alpha=0.25)
        if legend:
            self.plot.addLegend(offset=(8, 2), labelTextSize="8pt", colCount=2)
        self.items = []
        for colour, name in zip(colours, legend or ("",) * len(colours), strict=True):
            item = pg.BarGraphItem(
                x=[], height=[], width=0.4, brush=colour, pen=None, name=name or None
            )
            self.plot.addItem(item)
            self.items.append(item)
        self.series: list[list[Bar]] = [[] for _ in colours]
        self.clicked: Callable[[Bar], None] = lambda _bar: None
        self.widget.scene().sigMouseClicked.connect(self._click)
        self.label_axis = self.plot.getAxis("left" if horizontal else "bottom")
        if horizontal:
            self.label_axis.setWidth(118)

    def show(self, *series: list[Bar]) -> None:
        self.series = [list(s) for s in series]
        count = max((len(s) for s in series), default=0)
        width = 0.8 / len(series)
        for n, (item, bars) in enumerate(zip(self.items, series, strict=True)):
            positions = [i + (n - (len(series) - 1) / 2) * width for i in range(len(bars))]
            values = [bar.value for bar in bars]
            if self.horizontal:
                # the first bar on top
                item.setOpts(x0=0, y=[count - 1 - p for p in positions], height=width * 0.9,
                             width=values, x=None)  # fmt: skip
            else:
                item.setOpts(x=positions, height=values, width=width * 0.9)
        labels = [(i, _short(bar.label)) for i, bar in enumerate(series[0])] if series else []
        if self.horizontal:
            labels = [(count - 1 - i, text) for i, text in labels]
        self.label_axis.setTicks([labels])
        top = max((bar.value for s in series for bar in s), default=0) or 1
        if self.horizontal:
            self.plot.setYRange(-0.6, max(count, 1) - 0.4, padding=0)
            self.plot.setXRange(0, top * 1.08, padding=0)
        else:
            self.plot.setXRange(-0.6, max(count, 1) - 0.4, padding=0)
            self.plot.setYRange(0, top * 1.3, padding=0)  # room for the legend

    def _click(self, event) -> None:  # type: ignore[no-untyped-def]
        box = self.plot.getViewBox()
        if not box.sceneBoundingRect().contains(event.scenePos()):
            return
        point = box.mapSceneToView(event.scenePos())
        along, across = (point.y(), point.x()) if self.horizontal else (point.x(), point.y())
        count = max((len(s) for s in self.series), default=0)
        index = round(along)
        if self.horizontal:
            index = count - 1 - index
        if not 0 <= index < count or across < 0:
            return
        offset = along - round(along) if not self.horizontal else round(along) - along
        width = 0.8 / max(len(self.series), 1)
        n = min(int((offset + 0.4) / width), len(self.series) - 1)
        if index < len(self.series[n]):
            self.clicked(self.series[n][index])


def _short(text: str) -> str:
    return text if len(text) <= 8 else text[:7] + "…"


class ChartsPanel(QWidget):
    """Seven charts in a grid; ``bar_clicked`` carries the Bar clicked."""

    bar_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        pg.setConfigOptions(background="w", foreground="#333", antialias=True)
        received, closed = (
            QCoreApplication.translate("StatisticsCharts", "Received"),
            QCoreApplication.translate("StatisticsCharts", "Closed"),
        )
        self.trend = BarChart(
            pg,
            QCoreApplication.translate("StatisticsCharts", "Cases received and closed by month"),
            False,
            ("#3a7bd5", "#4caf50"),
            (received, closed),
        )
        self.on_time = BarChart(
            pg,
            QCoreApplication.translate("StatisticsCharts", "On-time closure by unit (%)"),
            True,
            ("#4caf50",),
            (),
        )
        self.response = BarChart(
            pg,
            QCoreApplication.translate(
                "StatisticsCharts", "Mean response of district departments (minutes)"
            ),
            True,
            ("#ef8a17",),
            (),
        )
        self.routes = BarChart(
            pg, QCoreApplication.translate("StatisticsCharts", "Received by route"), True,
            ("#3a7bd5",), (),
        )  # fmt: skip
        self.sources = BarChart(
            pg, QCoreApplication.translate("StatisticsCharts", "Received by source"), True,
            ("#7e57c2",), (),
        )  # fmt: skip
        self.categories = BarChart(
            pg, QCoreApplication.translate("StatisticsCharts", "Top problem categories (received)"),
            True, ("#26a69a",), (),
        )  # fmt: skip
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        grid.addWidget(self.trend.widget, 0, 0, 1, 3)
        grid.addWidget(self.routes.widget, 0, 3)
        for column, chart in enumerate((self.on_time, self.response, self.categories,
                                        self.sources)):  # fmt: skip
            grid.addWidget(chart.widget, 1, column)
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(0, 2)
        grid.setRowStretch(1, 3)
        for chart in self.charts():
            chart.clicked = self.bar_clicked.emit

    def charts(self) -> list[BarChart]:
        return [self.trend, self.on_time, self.response, self.routes, self.sources,
                self.categories]  # fmt: skip

    def show_data(self, data: ChartData) -> None:
        self.trend.show(data.received, data.closed)
        self.on_time.show(data.on_time)
        self.response.show(data.response)
        self.routes.show(data.routes)
        self.sources.show(data.sources)
        self.categories.show(data.categories)
