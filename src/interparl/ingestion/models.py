"""Ingestion keeps no records of its own: what it reads becomes a proposal (interparl.changes.Proposal)."""
