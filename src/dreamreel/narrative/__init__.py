"""The Narrative Engine: request + profile -> bible + story graph."""
