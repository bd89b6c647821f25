import Foundation
import OpenStackKit

/// Batched name lookups for IDs that other services return bare.
enum NameLookup {
    /// Image names for up to a few hundred IDs, with Glance's `id=in:` filter (chunked).
    static func images(cloud: OpenStackCloud, ids: [String]) async -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        var names: [String: String] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 100).map({ Array(ids[$0..<min($0 + 100, ids.count)]) }) {
            let query = [
                URLQueryItem(name: "id", value: "in:" + chunk.joined(separator: ",")),
                URLQueryItem(name: "limit", value: String(chunk.count)),
            ]
            guard let response = try? await cloud.get(.image, path: "/images", query: query) else { return names }
            for image in response.json["images"]?.arrayValue ?? [] {
                if let id = image["id"]?.stringValue, let name = image["name"]?.stringValue { names[id] = name }
            }
        }
        return names
    }

    /// Flavor names by ID (one request; clouds have few flavors).
    static func flavors(cloud: OpenStackCloud) async -> [String: String] {
        let query = [URLQueryItem(name: "limit", value: "1000"), URLQueryItem(name: "is_public", value: "None")]
        guard let response = try? await cloud.get(.compute, path: "/flavors", query: query) else { return [:] }
        var names: [String: String] = [:]
        for flavor in response.json["flavors"]?.arrayValue ?? [] {
            if let id = flavor["id"]?.stringValue, let name = flavor["name"]?.stringValue { names[id] = name }
        }
        return names
    }
}
