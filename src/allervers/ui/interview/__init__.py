"""The interview wizard, generated from the questionnaire definition (never one widget per
question written by hand): a page per section, a page per person of a repeat group, a field per
question type, a summary before finishing."""
