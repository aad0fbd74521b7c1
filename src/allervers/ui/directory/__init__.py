"""The local services directory in the window: the coordinator's page (import, search, own
entries, offices without address or phone) and the pistes shown with a household's rights."""
