"""What every layer may use: the clock, the context a command or the window runs with, where data
lives, bundled resources, the errors a user may see, and the desktop's autostart entry."""
