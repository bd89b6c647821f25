#ifndef OPENSTACK_MCP_CONCURRENCY_HOOK_H
#define OPENSTACK_MCP_CONCURRENCY_HOOK_H

/// Sets the Swift runtime's hook for jobs enqueued on the global concurrent executor. `hook` is a
/// Swift `@convention(thin)` function that takes the job and the runtime's own enqueue function.
///
/// The runtime's variable is set directly, not found with dlsym: a `--static-swift-stdlib` binary
/// links the runtime with `--exclude-libs ALL`, so the symbol is not in its dynamic table.
void openstack_mcp_set_enqueue_global_hook(const void *hook);

#endif
