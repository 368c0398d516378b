"""Which Debian package provides a system library the program could not load, so a copied
program folder on a bare machine says in one Chinese line what to install instead of
printing a traceback (Qt's libraries are loaded when PySide6 is first imported)."""

from __future__ import annotations

import re

# The libraries PySide6's modules and the Qt platform plugins link against, on Debian 12 /
# UOS / Kylin (the package names of the Makefile's SYSTEM_PACKAGES and WINDOW_PACKAGES).
PACKAGES = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-randr.so.0": "libxcb-randr0",
}
_LIBRARY = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*)")


def missing_library_line(error: ImportError) -> str | None:
    """One line naming the missing library and its package; None when the import failed
    for another reason (a fault of the program, not of the machine)."""
    found = _LIBRARY.search(str(error))
    if found is None or "cannot open shared object file" not in str(error):
        return None
    library = found.group(1)
    package = PACKAGES.get(library)
    if package is None:
        return f"TownDesk 无法启动：缺少系统库 {library}，请安装提供它的软件包后再试。"
    return (
        f"TownDesk 无法启动：缺少系统库 {library}，"
        f"请先安装软件包 {package}（如 sudo apt install {package}）。"
    )
