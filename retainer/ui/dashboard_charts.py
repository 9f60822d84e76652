"""The Dashboard's charts, drawn with matplotlib into Qt canvases, off the GUI thread.

matplotlib is imported here only, and this module only when the Dashboard is first opened,
so it never slows the start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from retainer.i18n import tr
from retainer.rules import labels
from retainer.rules.dates import format_month
from retainer.rules.status import Status, status_label
from retainer.ui.formatting import STATUS_COLORS
from retainer.ui.style import colour, set_role
from retainer.ui.tasks import Tasks

log = logging.getLogger(__name__)

# The stylesheet's colours (resources/style/retainer.qss), as matplotlib takes them.
BLUE, GREEN, GREY, RED = (colour(name) for name in ("brand", "chart-green", "chart-grey", "alarm"))


class ChartCanvas(FigureCanvasQTAgg):
    """matplotlib's Qt canvas, with the figure built and rasterised off the GUI thread.

    Laying out and drawing one chart takes 30–130 ms on a slow machine: too long for the
    window to wait. The figure's own canvas is a plain Agg canvas (``figure.canvas``), so
    matplotlib never reaches a Qt object when it lays out, draws or saves the figure; every
    build, draw and save runs on the tasks' "charts" lane, which hands back the pixels as
    bytes, and this widget makes them a picture on the GUI thread and paints the last one.
    Mouse clicks reach matplotlib (pick events on bars) as on any canvas: the callbacks live
    on the figure. That one lane is the only thread that ever draws, so matplotlib's font
    caches are never used by two threads at once.
    """

    _wanted = Signal()

    def __init__(self, figure: Figure, tasks: Tasks) -> None:
        super().__init__(figure)
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        self.tasks = tasks
        self.agg = FigureCanvasAgg(figure)  # from now on figure.canvas: no Qt in it
        self.picture: QImage | None = None
        self._build: Callable | None = None
        self._busy = self._again = False
        self._wanted.connect(self._render, Qt.ConnectionType.QueuedConnection)

    # matplotlib and Qt ask for drawing through these (new size, new data): never here and now.
    def draw(self) -> None:
        self._wanted.emit()

    def draw_idle(self, *args, **kwargs) -> None:
        self._wanted.emit()

    def show_chart(self, build: Callable[[Figure], None]) -> None:
        """Clear the figure, let ``build`` fill it, then draw it: all on the charts lane."""
        self._build = build
        self._render()

    def in_turn(self, work: Callable[[Figure], object], done: Callable, failed: Callable) -> None:
        """Other work on the figure (saving it) queued behind the drawing, on the same lane."""
        figure = self.figure
        self.tasks.read(self, lambda: work(figure), lane="charts").success(done) \
            .failure(failed).run()

    def _render(self) -> None:
        if self._busy:
            self._again = True
            return
        self._busy = True
        build, self._build = self._build, None
        figure, agg = self.figure, self.agg

        def work() -> tuple[bytes, int, int]:
            if build is not None:
                figure.clear()
                build(figure)
            agg.draw()  # Agg's renderer at the figure's size and dpi
            pixels = agg.buffer_rgba()
            height, width = pixels.shape[:2]
            return bytes(pixels), width, height

        self.tasks.read(self, work, lane="charts").success(self._rendered) \
            .failure(self._failed).run()

    def _rendered(self, drawn: tuple[bytes, int, int]) -> None:
        pixels, width, height = drawn
        picture = QImage(pixels, width, height, QImage.Format.Format_RGBA8888).copy()
        picture.setDevicePixelRatio(self.device_pixel_ratio)
        self.picture = picture
        self._finish()
        self.update()

    def _failed(self, exc: Exception) -> None:
        log.warning("a chart could not be drawn: %r %s", exc, getattr(exc, "filename", "") or "")
        self._finish()

    def _finish(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self._render()

    def mousePressEvent(self, event) -> None:
        from matplotlib.backend_bases import MouseEvent

        button = self.buttond.get(event.button())
        if button is not None:
            # Addressed to the figure's own canvas: artists pick only events from it.
            MouseEvent("button_press_event", self.agg, *self.mouseEventCoords(event), button,
                       modifiers=self._mpl_modifiers(), guiEvent=event)._process()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), Qt.GlobalColor.white)
            if self.picture is not None:
                painter.drawImage(0, 0, self.picture)
        finally:
            painter.end()


class ChartBox(QWidget):
    """A titled chart with Save as PNG, or a sentence saying what data it needs."""

    def __init__(self, title: str, needs: str, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.title = title
        self.figure = Figure(figsize=(5, 3), layout="constrained")
        self.canvas = ChartCanvas(self.figure, tasks)
        self.canvas.setMinimumHeight(230)
        self.canvas.setMaximumHeight(300)
        self.canvas.setMinimumWidth(200)
        self.empty = QLabel(needs)
        self.empty.setWordWrap(True)
        set_role(self.empty, "no-chart")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.canvas)
        self.stack.addWidget(self.empty)
        heading = QLabel(f"<b>{title}</b>")
        heading.setWordWrap(True)
        heading.setMinimumWidth(40)
        save = QPushButton(tr("Save as PNG…"))
        save.setFlat(True)
        save.clicked.connect(self.save_png)
        self.save_button = save
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

    def draw(self, has_data: bool, build: Callable) -> None:
        self.save_button.setVisible(has_data)
        if not has_data:
            self.stack.setCurrentWidget(self.empty)
            return
        self.canvas.show_chart(build)
        self.stack.setCurrentWidget(self.canvas)

    def save_png(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, tr("Save the chart"), self.title + ".png",
                                                  tr("PNG image (*.png)"))
        if path:
            self.canvas.in_turn(lambda figure: figure.savefig(path, dpi=150), lambda _: None,
                                lambda exc: QMessageBox.warning(self, tr("Save the chart"), tr(
                                    "The chart could not be saved to {path}: {reason}").format(
                                        path=path, reason=exc)))


def retention_chart(fig, months) -> None:
    ax = fig.add_subplot()
    names = [format_month(m, short=True) for m, _ in months]
    crr = [r.crr for _, r in months]
    churn = [r.churn_rate for _, r in months]
    ax.plot(names, crr, marker="o", color=BLUE, label=tr("CRR"))
    ax.plot(names, churn, marker="o", color=RED, label=tr("Churn"))
    ax.set_ylabel("%")
    ax.set_ylim(0, 105)
    ax.legend(loc="lower left", fontsize=8)
    ax.tick_params(axis="x", labelrotation=45, labelsize=8)


def nps_chart(fig, months) -> None:
    ax = fig.add_subplot()
    names = [format_month(m, short=True) for m, _ in months]
    pro = [n.promoters for _, n in months]
    pas = [n.passives for _, n in months]
    det = [n.detractors for _, n in months]
    ax.bar(names, det, color=RED, label=tr("Detractors (0–6)"))
    ax.bar(names, pas, bottom=det, color=GREY, label=tr("Passives (7–8)"))
    ax.bar(names, pro, bottom=[a + b for a, b in zip(det, pas, strict=True)], color=GREEN,
           label=tr("Promoters (9–10)"))
    ax.set_ylabel(tr("answers"))
    whole_numbers(ax.yaxis)
    ax.tick_params(axis="x", labelrotation=45, labelsize=8)
    line = ax.twinx()
    line.plot(names, [n.score if n.score is not None else float("nan") for _, n in months],
              color="black", marker="o", label="NPS")
    line.set_ylim(-100, 100)
    line.set_ylabel("NPS")
    ax.legend(loc="upper left", fontsize=7, framealpha=0.8)


def cohort_chart(fig, cohorts) -> None:
    import numpy as np

    rows = list(cohorts.items())[-24:]
    width = max(len(v) for _, v in rows)
    grid = np.full((len(rows), width), np.nan)
    for i, (_, shares) in enumerate(rows):
        grid[i, :len(shares)] = [s * 100 for s in shares]
    ax = fig.add_subplot()
    image = ax.imshow(grid, aspect="auto", cmap="Blues", vmin=0, vmax=100)
    ax.set_yticks(range(len(rows)), [format_month(d, short=True) for d, _ in rows], fontsize=6)
    whole_numbers(ax.xaxis)  # months are counted: 0, 1, 2 — never 0.4
    ax.set_xlabel(tr("months after the first purchase"))
    fig.colorbar(image, ax=ax, label="%")


def whole_numbers(axis) -> None:
    """Ticks at whole numbers only: on a small base, 0, 1, 2 customers, not 0.2 and 0.4."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))


def bars(fig, names: list[str], values: list[int], colors=None, horizontal: bool = True) -> list:
    ax = fig.add_subplot()
    if horizontal:
        drawn = ax.barh(names, values, color=colors or BLUE)
        ax.invert_yaxis()
        ax.tick_params(axis="y", labelsize=8)
        ax.set_xlabel(tr("customers"))
        whole_numbers(ax.xaxis)
    else:
        drawn = ax.bar(names, values, color=colors or BLUE)
        ax.tick_params(axis="x", labelsize=8, labelrotation=30)
        ax.set_ylabel(tr("customers"))
        whole_numbers(ax.yaxis)
    for patch in drawn:
        patch.set_picker(True)
    return list(drawn)


def status_chart(fig, statuses: dict) -> list:
    order = [Status.ACTIVE, Status.NEW, Status.AT_RISK, Status.LAPSED, Status.LOST, Status.PROSPECT]
    drawn = bars(fig, [status_label(s) for s in order], [statuses.get(s, 0) for s in order],
                 [STATUS_COLORS[s].name() for s in order], horizontal=False)
    for patch, status in zip(drawn, order, strict=False):
        patch.status = status
    return drawn


def segment_chart(fig, segments: dict[str, int]) -> list:
    drawn = bars(fig, [tr(k) for k in segments], list(segments.values()))
    for patch, segment in zip(drawn, segments, strict=False):
        patch.segment = segment
    return drawn


def churn_reason_chart(fig, reasons: dict) -> None:
    items = sorted(reasons.items(), key=lambda kv: -kv[1])
    bars(fig, [labels.churn_reason(k) for k, _ in items], [v for _, v in items], RED)
