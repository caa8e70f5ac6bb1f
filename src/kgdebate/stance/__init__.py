"""Stances toward a motion: which passages of a speech are about the war, and what they say."""
