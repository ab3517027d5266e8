"""Warnings found while planning, collected and returned with the plans (planners never print)."""
from __future__ import annotations

from .errors import Problem
from .loader import format_path


class Notes:
    """Collects located warnings for one kit."""

    def __init__(self, kit):
        self.kit = kit
        self.items: list[Problem] = []

    def warn(self, path: tuple, message: str) -> None:
        """A warning at a key path of the content (build settings are located where they were set)."""
        file, line, col = self.kit.where(path)
        problem = Problem(file, line, col, format_path(path), message, "warning")
        if problem not in self.items:
            self.items.append(problem)
