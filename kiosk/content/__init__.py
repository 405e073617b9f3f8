"""Staff content: reading, validating and checking the four YAML files. No Qt here."""
