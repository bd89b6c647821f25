import Foundation
import OpenStackKit

/// Everything `diagnose_volume` decides on, read once and concurrently.
struct VolumeFacts: Sendable {
    var volume: Volume
    var messages: Fact<[VolumeMessage]>
    /// The volume's type as listed (nil: the volume names no type, or a type that is not listed).
    var volumeType: Fact<VolumeType?>
    /// Whether the token has the admin role: Cinder shows extra specs and a volume's host to
    /// admins only, so their absence says nothing to anyone else.
    var isAdmin: Bool
    var pools: Fact<[VolumePool]>
    var services: Fact<[VolumeService]>
    /// Nova's view of each server Cinder says holds the volume: nil when Nova has no such server.
    var servers: [String: Fact<OpenStackKit.Server?>]
    /// Attached servers left unread, beyond ``VolumeFacts/serverCap``.
    var serversNotRead: Int = 0

    /// Most attached servers read; a multi-attach volume may have more.
    static let serverCap = 8
    /// Most user messages kept (newest first).
    static let messageCap = 5

    /// Whether Cinder says the volume failed (`error`, `error_deleting`, `error_extending`, ...).
    var isInError: Bool { volume.status?.lowercased().hasPrefix("error") ?? false }

    /// `host@backend`, the cinder-volume service that serves the volume (its host is `host@backend#pool`).
    var serviceHost: String? {
        guard let host = volume.host, !host.isEmpty else { return nil }
        return host.split(separator: "#", maxSplits: 1).first.map(String.init)
    }

    /// Reads the volume's surroundings: messages, types, pools, services and the attached servers,
    /// all at once (at most 4 + ``serverCap`` requests).
    static func gather(_ volume: Volume, cloud: OpenStackCloud) async throws -> VolumeFacts {
        let isAdmin = try await cloud.token().isAdmin
        let attached = Array(Set(volume.attachments.compactMap(\.serverID))).sorted()
        let toRead = Array(attached.prefix(serverCap))
        async let messages = Fact.read("Cinder user messages") { try await readMessages(volume.id, cloud: cloud) }
        async let volumeType = Fact.read("volume types") { try await readType(volume.volumeType, cloud: cloud) }
        async let pools = Fact.read("Cinder pools (scheduler-stats)") {
            let response = try await cloud.get(
                .blockStorage, path: "/scheduler-stats/get_pools", query: [URLQueryItem(name: "detail", value: "true")])
            return try (response.json["pools"]?.arrayValue ?? []).map(VolumePool.init(json:))
        }
        async let services = Fact.read("Cinder services") {
            let response = try await cloud.get(
                .blockStorage, path: "/os-services", query: [URLQueryItem(name: "binary", value: "cinder-volume")])
            return try (response.json["services"]?.arrayValue ?? []).map(VolumeService.init(json:))
        }
        async let servers = withTaskGroup(of: (String, Fact<OpenStackKit.Server?>).self) { group in
            for id in toRead {
                group.addTask { (id, await Fact.read("server \(id)") { try await readServer(id, cloud: cloud) }) }
            }
            var found: [String: Fact<OpenStackKit.Server?>] = [:]
            for await (id, fact) in group { found[id] = fact }
            return found
        }
        return await VolumeFacts(
            volume: volume, messages: messages, volumeType: volumeType, isAdmin: isAdmin, pools: pools,
            services: services, servers: servers, serversNotRead: attached.count - toRead.count)
    }

    /// The volume's messages, newest first: Cinder has them from microversion 3.3 and filters
    /// them from 3.5 (before that, the project's few messages are read and filtered here).
    static func readMessages(_ volumeID: String, cloud: OpenStackCloud) async throws -> [VolumeMessage] {
        let endpoint = try await cloud.endpoint(.blockStorage)
        guard endpoint.supports(3, 3) else {
            throw OpenStackError(
                kind: .http, service: "cinder",
                message: "user messages need block-storage microversion 3.3; this cloud offers \(endpoint.microversion.map { "\($0)" } ?? "none")")
        }
        let messages: [VolumeMessage]
        if endpoint.supports(3, 5) {
            messages = try await cloud.list(VolumeMessage.self, filters: ["resource_uuid": .string(volumeID)], limit: messageCap).items
        } else {
            let response = try await cloud.get(.blockStorage, path: VolumeMessage.declaration.path.description)
            messages = try (response.json["messages"]?.arrayValue ?? []).map(VolumeMessage.init(json:)).filter { $0.resourceUUID == volumeID }
        }
        return Array(messages.sorted { ($0.createdAt ?? "") > ($1.createdAt ?? "") }.prefix(messageCap))
    }

    /// The volume's type by name or ID, from the type list (Cinder shows one type by ID only).
    static func readType(_ key: String?, cloud: OpenStackCloud) async throws -> VolumeType? {
        guard let key, !key.isEmpty else { return nil }
        let response = try await cloud.get(
            .blockStorage, path: "/types", query: [URLQueryItem(name: "is_public", value: "None"), URLQueryItem(name: "limit", value: "1000")])
        let types = try (response.json["volume_types"]?.arrayValue ?? []).map(VolumeType.init(json:))
        return types.first { $0.id == key } ?? types.first { $0.name == key }
    }

    /// One server, or nil when Nova has no server with that ID (a stale attachment).
    static func readServer(_ id: String, cloud: OpenStackCloud) async throws -> OpenStackKit.Server? {
        do {
            return try await cloud.show(OpenStackKit.Server.self, id: id)
        } catch let error as OpenStackError where error.kind == .http && error.status == 404 {
            return nil
        }
    }
}
