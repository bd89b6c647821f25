/// Runs one read per key with at most `limit` in flight, for APIs that have no batch read.
enum BoundedConcurrency {
    /// The results by key; keys whose read throws are left out (their data is optional).
    static func map<Value: Sendable>(
        _ keys: [String], limit: Int, _ read: @escaping @Sendable (String) async throws -> Value
    ) async -> [String: Value] {
        var results: [String: Value] = [:]
        await withTaskGroup(of: (String, Value?).self) { group in
            var pending = keys[...]
            for _ in 0..<max(1, limit) {
                guard let key = pending.popFirst() else { break }
                group.addTask { (key, try? await read(key)) }
            }
            while let (key, value) = await group.next() {
                if let value { results[key] = value }
                if let next = pending.popFirst() { group.addTask { (next, try? await read(next)) } }
            }
        }
        return results
    }
}
