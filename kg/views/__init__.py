"""Views of the policy graph: NetworkX analytics and interactive HTML."""
