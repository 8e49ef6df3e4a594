"""casefile-eval: score Chinese administrative enforcement case files (行政执法案卷评查)."""

__version__ = "0.1.0"
