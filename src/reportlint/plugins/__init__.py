"""Plugin support: the hook specifications and the host that calls them."""
