import ConcurrencyHook
import NIOCore
import NIOPosix

/// Runs Swift concurrency on SwiftNIO's event loops.
///
/// Without it a tool call hops between threads at every step: the inbound HTTP request arrives on
/// an event loop, the handler runs on the cooperative pool, each upstream GET goes back to an event
/// loop and its answer back to the pool (perf put most of a call's CPU in those switches;
/// BENCHMARKS.md). With it every job goes to the event loop it was enqueued from, so a call mostly
/// stays on one thread. NIO's own installer finds the runtime's hook with dlsym, which a
/// static-stdlib binary does not export; this sets it through a C declaration instead.
enum EventLoopConcurrency {
    private typealias Hook = @convention(thin) (UnownedJob, @convention(thin) (UnownedJob) -> Void) -> Void

    /// Must run once, on the main thread, before the first task starts.
    static func install() {
        withUnsafeTemporaryAllocation(of: Hook.self, capacity: 1) { slot in
            slot.baseAddress!.initialize(to: { job, _ in
                // `any()` is the current loop when called on one of the group's threads.
                MultiThreadedEventLoopGroup.singleton.any().executor.enqueue(job)
            })
            slot.baseAddress!.withMemoryRebound(to: UnsafeRawPointer.self, capacity: 1) { pointer in
                openstack_mcp_set_enqueue_global_hook(pointer.pointee)
            }
        }
    }
}
