"""The data's way out: releases for the evaluators (the export page) and erasure when the retention
time is over (the retention dialog)."""
