from PySide6.QtGui import QImageReader, QPalette
from PySide6.QtWidgets import QLabel

from retainer.paths import resources_dir
from retainer.ui import style
from retainer.ui.icons import app_icon


def test_the_stylesheet_reaches_qt_with_its_colours_filled_in(qtbot, qapp):
    assert "@" not in style.sheet() and "#b91c1c" in style.sheet()
    label = QLabel("Not a date.")
    qtbot.addWidget(label)
    style.set_role(label, "error")
    assert label.styleSheet() == style.sheet() and qapp.styleSheet() == ""
    label.ensurePolished()
    assert label.palette().color(QPalette.ColorRole.WindowText).name() == style.colour("red")
    style.set_role(label, "hint")  # a role changed on a shown widget takes effect at once
    assert label.palette().color(QPalette.ColorRole.WindowText).name() == style.colour("grey")


def test_the_icon_files_hold_every_size(qapp):
    ico = QImageReader(str(resources_dir() / "icons" / "retainer.ico"))
    sizes = []
    for index in range(ico.imageCount()):
        ico.jumpToImage(index)
        sizes.append(ico.read().width())
    assert sorted(sizes) == [16, 24, 32, 48, 64, 128, 256]
    icns = QImageReader(str(resources_dir() / "icons" / "retainer.icns"))
    assert icns.canRead() and icns.imageCount() == 7
    png = QImageReader(str(resources_dir() / "icons" / "retainer.png")).read()
    assert png.width() == 256 and png.pixelColor(128, 30).name() == style.colour("brand")


def test_the_window_icon_is_drawn_from_the_svg_with_a_badge(qapp):
    plain, badged = app_icon().pixmap(64).toImage(), app_icon(3).pixmap(64).toImage()
    assert plain.pixelColor(32, 8).name() == style.colour("brand")
    assert badged.pixelColor(56, 8).name() == style.colour("alarm")
    assert plain.pixelColor(56, 8).name() != style.colour("alarm")
