"""Reads go to the replica, except inside a transaction; writes and migrations to the primary."""

from types import SimpleNamespace

from interparl import routers


def test_reads_outside_a_transaction_go_to_the_replica(monkeypatch):
    router = routers.ReplicaRouter()
    monkeypatch.setattr(routers, "connections", {"default": SimpleNamespace(in_atomic_block=False)})
    assert router.db_for_read(None) == "replica"
    monkeypatch.setattr(routers, "connections", {"default": SimpleNamespace(in_atomic_block=True)})
    assert router.db_for_read(None) == "default"  # what the request wrote, it reads back
    assert router.db_for_write(None) == "default"
    assert router.allow_migrate("replica", "registry") is False and router.allow_migrate("default", "registry")
