"""Audio: the guided-practice cue format, playback, interval bells and processing."""
