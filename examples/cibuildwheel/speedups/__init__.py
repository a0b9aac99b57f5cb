from ._speed import twice

__all__ = ["twice"]
