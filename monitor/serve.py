"""Start the dashboard: Streamlit on app.py, with app.py's st.navigation owning every URL."""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parent.parent / "app.py"


def main(argv: list[str]) -> None:
    # Until app.py has run once, Streamlit routes a first request for /trends (or an embed
    # URL) straight to pages/trends.py by its older pages/ convention, skipping app.py's
    # navigation and embed handling. Declaring navigation up front closes that window.
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(APP), *argv]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
