#include "ConcurrencyHook.h"

// Declared by the Swift concurrency runtime (libswift_Concurrency): a function pointer the runtime
// calls, when set, in place of its own global enqueue.
extern const void *swift_task_enqueueGlobal_hook;

void openstack_mcp_set_enqueue_global_hook(const void *hook) {
    swift_task_enqueueGlobal_hook = hook;
}
