"""Integration suite: openstack-mcp-server against a real OpenStack cloud (see README, "Testing against a real cloud")."""
