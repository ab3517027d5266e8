"""Deck PPTX (placeholder until the deck renderer lands)."""


def render(kit, staging):
    """Plan and write deck.pptx."""
    raise NotImplementedError
