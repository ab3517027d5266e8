"""`python -m generator` is the same as `generate`."""
import sys

from .cli import main

sys.exit(main())
