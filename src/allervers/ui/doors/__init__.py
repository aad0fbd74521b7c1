"""The territory's doors in the window: the offline coverage map, the coordinator's rounds page
and the volunteer's next doors of their rounds (issue 16)."""
