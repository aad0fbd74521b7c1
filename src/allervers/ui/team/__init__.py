"""The team: synchronisation with the coordinator, invitations, joining a team at first run."""
