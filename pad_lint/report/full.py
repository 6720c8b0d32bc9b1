"""``--output-format full``: each finding with its source line, a caret under the
spot, and the help text — the default on a terminal (rustc/ruff style).

Colour only when the output is a terminal and ``NO_COLOR`` is not set (decided by
the CLI, https://no-color.org); rendered with ``rich``, whose width
calculations keep the caret aligned under wide characters (emoji, CJK).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from . import FileResult, Reporter, ReportOptions

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}


class FullReporter(Reporter):
    """Findings with source context, written as each file is done."""

    def __init__(self, out, options: ReportOptions | None = None) -> None:  # noqa: ANN001
        super().__init__(out, options)
        color = self.options.color
        self.console = Console(file=out, force_terminal=color, no_color=not color,
                               color_system="auto" if color else None, highlight=False, emoji=False,
                               markup=False, soft_wrap=True, width=10_000 if not color else None)

    def file(self, result: FileResult) -> None:
        for f in result.findings:
            head = Text()
            head.append(f"{f.path}:{f.location.line}:{f.location.column}: ", style="bold")
            head.append(f.code, style=_STYLE[f.severity])
            head.append(f" [{f.severity}] ", style=_STYLE[f.severity])
            head.append(f.message)
            if f.fix is not None and self.options.show_fixes:
                head.append(" [*]" if f.fix.applicability == "safe" else " [unsafe fix]", style="green")
            self.console.print(head)
            line = result.lines.get(f.location.line)
            if line is not None:
                shown = line.replace("\t", "    ")
                gutter = str(f.location.line)
                pad = " " * len(gutter)
                self.console.print(Text(f"{pad} |", style="blue"))
                src = Text(f"{gutter} | ", style="blue")
                src.append(shown)
                self.console.print(src)
                before = line[: f.location.column - 1].replace("\t", "    ")
                if f.end_location.line == f.location.line:
                    marked = line[f.location.column - 1 : f.end_location.column - 1]
                else:
                    marked = line[f.location.column - 1 :]
                width = max(1, cell_len(marked.replace("\t", "    ")))
                caret = Text(f"{pad} | ", style="blue")
                caret.append(" " * cell_len(before) + "^" * width, style=_STYLE[f.severity])
                self.console.print(caret)
            if f.help:
                hint = Text(f"{' ' * (len(str(f.location.line)))} = ", style="blue")
                hint.append("help: ", style="bold")
                hint.append(f.help)
                self.console.print(hint)
            if f.url:
                self.console.print(Text(f"{' ' * (len(str(f.location.line)))} = see {f.url}", style="dim"))
            self.console.print()
