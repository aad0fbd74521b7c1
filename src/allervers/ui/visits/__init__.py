"""The volunteer's round: the door form, the lists of doors and visits, the drafts banner, and the
page that opens the interview and then the rights of the household."""
