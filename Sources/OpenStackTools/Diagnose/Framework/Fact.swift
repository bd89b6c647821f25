import OpenStackKit

/// A read that a diagnosis depends on: its value, or why it could not be read.
enum Fact<Value: Sendable>: Sendable {
    case known(Value)
    case unknown(String)

    var value: Value? {
        if case .known(let value) = self { return value }
        return nil
    }

    var reason: String? {
        if case .unknown(let reason) = self { return reason }
        return nil
    }

    /// Runs one read; a failure becomes the reason, in words an operator acts on: a 403 says
    /// that the read needs the admin role, anything else gives OpenStack's own message.
    static func read(_ what: String, _ body: @Sendable () async throws -> Value) async -> Fact<Value> {
        do {
            return .known(try await body())
        } catch let error as OpenStackError {
            if error.status == 403 || error.nextStep.contains("admin role") {
                return .unknown("reading \(what) needs the admin role (\(error.service) answered \(error.status.map(String.init) ?? "a refusal"))")
            }
            return .unknown("\(what) could not be read: \(error.description)")
        } catch let error as ToolArgumentError {
            return .unknown("\(what) could not be read: \(error)")
        } catch {
            return .unknown("\(what) could not be read: \(error)")
        }
    }
}
