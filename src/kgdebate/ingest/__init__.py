"""From an annotation file to a stored, validated document graph (design.md §2)."""
