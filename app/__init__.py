"""TownDesk — 乡镇综合执法联动工作台."""

__version__ = "0.1.0"
