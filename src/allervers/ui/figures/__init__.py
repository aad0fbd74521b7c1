"""The territory's figures for a period, as the coordinator sees them and as the activity report
gives them."""
