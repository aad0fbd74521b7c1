"""Getting in and the workspace menu's keys: unlock, first run, recovery, the lock screen and its
shortcut, changing the passphrase, the users of the laptop."""
