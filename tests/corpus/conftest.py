"""Make the layout helper importable from the corpus tests."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
