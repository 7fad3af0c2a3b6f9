"""Views of the organization registry, split by who uses them."""
