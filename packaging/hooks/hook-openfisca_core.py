"""PyInstaller hook for openfisca-core: its metadata (the version is read at import time by some
of its modules) and nothing of its web API or test runner (Flask, gunicorn, pytest are excluded in
the spec)."""

from PyInstaller.utils.hooks import copy_metadata

datas = copy_metadata("openfisca-core")
