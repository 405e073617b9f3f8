"""The guest journey and the suggestion rule. Pure Python, no Qt, no clock of its own."""
