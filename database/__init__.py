"""The read layer: connection rules and every typed query of the built database."""
