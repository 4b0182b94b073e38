"""Per-speaker reports: aggregation, charts, Markdown/HTML rendering and the writer."""

from quotes.report.writer import ReportIndex, write_reports

__all__ = ["ReportIndex", "write_reports"]
