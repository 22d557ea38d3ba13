"""Deployment tooling: the data-plane template (template.yaml) and the API bundle (package)."""
