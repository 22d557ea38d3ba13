"""Stratus: the serverless backend of a sales-email companion for Salesforce."""

__version__ = "0.1.0"
