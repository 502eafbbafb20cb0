"""Charts for the Insights page: pyqtgraph plots and a painted year calendar, palette-aware."""
