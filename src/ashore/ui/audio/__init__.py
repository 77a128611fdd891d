"""Recordings: playing, recording, and probing what this machine's audio can do."""
