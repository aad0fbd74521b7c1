"""The rights engine seen from the window (its host, its status, the assessor) and the rights of one
visit: the panel, one card per right, the follow-up form, the PDF sheet."""
