"""The fixed choices of the content format, kept apart so that the command line loads nothing heavy."""

OUTPUT_KINDS = ("factsheet", "deck", "quiz", "poster", "web")
PAPERS = ("A4", "Letter")
DECK_STYLES = ("talk", "full")
DIVIDERS = ("auto", "always", "never")
