"""Questionnaires as versioned data: definitions, skip logic and validation of answers."""
