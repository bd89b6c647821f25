import Foundation
import OpenStackKit
import OpenStackTools

/// The methods whose answers depend on the request: tools/call, resources/read, prompts/get.
extension MCPEngine {
    func callTool(_ params: [String: JSONValue], progress: (@Sendable ([UInt8]) -> Void)?, caller: ResolvedCaller?) async throws
        -> [String: JSONValue]
    {
        guard case .string(let name)? = params["name"] else {
            throw RPCError.invalidParams("tools/call needs \"name\", the name of a tool from tools/list")
        }
        var arguments: [String: JSONValue]?
        switch params["arguments"] {
        case .none, .null?: arguments = nil
        case .object(let members)?: arguments = members
        default: throw RPCError.invalidParams("\"arguments\" must be an object")
        }
        let reporter = progress.flatMap { ProgressReporter(meta: params["_meta"]?.objectValue, emit: $0) }
        defer { reporter?.finish() }
        let result = try await UpstreamObservation.$observer.withValue(reporter) {
            try await callAs(caller, name: name, arguments: arguments)
        }
        return result.members
    }

    /// A tool call as its caller: over the caller's cap of running calls it is refused as busy.
    private func callAs(_ caller: ResolvedCaller?, name: String, arguments: [String: JSONValue]?) async throws -> ToolResult {
        guard let caller else { return try await registry.call(name: name, arguments: arguments) }
        let limit = caller.maxCalls
        guard caller.entry.enter(limit: limit) else {
            caller.tools.logger.info("caller busy", metadata: ["tool": "\(name)", "limit": "\(limit)"])
            return ToolResult.failure(
                "Busy: you already have \(limit) tool calls running on this server (--caller-max-calls), the most one caller may. Next step: retry when one of them has answered.")
        }
        defer { caller.entry.leave() }
        return try await registry.call(name: name, arguments: arguments, as: caller.tools)
    }

    func readResource(
        _ params: [String: JSONValue], era: ProtocolEra, caller: ResolvedCaller?, visibleTools: Set<String>?
    ) async throws -> [String: JSONValue] {
        guard case .string(let uri)? = params["uri"] else {
            throw RPCError.invalidParams("resources/read needs \"uri\", e.g. openstack://<cloud>/server/<id>")
        }
        let text = try await ResourceCatalog(registry: registry).read(uri, as: caller?.tools, visible: caller == nil ? nil : visibleTools)
        var result: [String: JSONValue] = [
            "contents": [["uri": .string(uri), "mimeType": "application/json", "text": .string(text)]]
        ]
        if era == .modern {
            result["ttlMs"] = .int(ServerDescription.readTTL)
            result["cacheScope"] = "private"
        }
        return result
    }

    func getPrompt(_ params: [String: JSONValue]) throws -> [String: JSONValue] {
        guard case .string(let name)? = params["name"] else {
            throw RPCError.invalidParams("prompts/get needs \"name\", the name of a prompt from prompts/list")
        }
        var arguments: [String: String] = [:]
        switch params["arguments"] {
        case .none, .null?: break
        case .object(let members)?:
            for (key, value) in members {
                guard case .string(let text) = value else {
                    throw RPCError.invalidParams("prompt argument \"\(key)\" must be a string")
                }
                arguments[key] = text
            }
        default: throw RPCError.invalidParams("\"arguments\" must be an object of strings")
        }
        let prompt = try PromptCatalog.render(name: name, arguments: arguments)
        var result: [String: JSONValue] = [
            "messages": [["role": "user", "content": ["type": "text", "text": .string(prompt.text)]]]
        ]
        if let description = prompt.description { result["description"] = .string(description) }
        return result
    }
}
