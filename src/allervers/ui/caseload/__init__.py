"""The coordinator's caseload: households with their flags and follow-up, page by page."""
