import Foundation
import OpenStackKit

/// `find_dns_records`: the recordsets that hold an IP address or a name, across the zones the
/// caller sees. An address is looked for in the records' data (A and AAAA), as the name of its
/// PTR record and among the PTR records of floating IPs; a name as a recordset's name and in the
/// data that points at it (CNAME, MX, SRV, PTR). Each search reads at most `limit` items, and the
/// answer says when one was cut.
enum FindDNSRecords {
    static let maxLimit = 500

    static var definition: ToolDefinition {
        let properties: [String: JSONValue] = [
            "query": Schema.string("IP address or DNS name; * is a wildcard"),
            "type": Schema.string("Only this record type, e.g. A or PTR"),
            "all_projects": Schema.boolean("Every project (admin)", default: false),
            "limit": ["type": "integer", "minimum": 1, "maximum": .int(maxLimit)],
        ]
        return ToolDefinition(
            name: "find_dns_records", title: "Find DNS records by address or name",
            description: "Find the Designate records that hold an IP address or a name, across zones, with the PTR of a floating IP.",
            inputSchema: Schema.object(properties, required: ["query"]), outputSchema: Schema.listOutput, handler: run)
    }

    /// One upstream search: its filters, and what a match means.
    struct Search: Sendable {
        let filters: [String: JSONValue]
        let matched: String
    }

    static func run(context: ToolContext, arguments: ToolArguments) async throws -> ToolResult {
        let query = (try arguments.string("query") ?? "").trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else {
            throw ToolArgumentError(argument: "query", problem: "required: an IP address (172.24.4.10) or a DNS name (www.example.org.)")
        }
        let limit = try arguments.int("limit", default: 100, range: 1...maxLimit)
        let type = try arguments.string("type")?.uppercased()
        let allProjects = try arguments.bool("all_projects", default: false)
        let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
        var items: [JSONValue] = []
        var seen = Set<String>()
        var cut = false
        for search in searches(for: query) {
            var filters = search.filters
            if let type { filters["type"] = .string(type) }
            let request = try Recordset.declaration.listRequest(filters, allProjects: allProjects)
            let page = try await Pager(cloud: cloud).collect(request, limit: limit)
            if page.nextMarker != nil { cut = true }
            for json in page.items {
                guard let recordset = try? Recordset(json: json), seen.insert(recordset.id).inserted else { continue }
                guard items.count < limit else { cut = true; break }
                var columns = GetRecordsets.basicColumns(recordset, Lookups())
                columns["matched"] = .string(search.matched)
                columns["ttl"] = recordset.ttl.json
                items.append(.object(columns))
            }
        }
        var notes: [String] = []
        if isAddress(query), type == nil || type == "PTR" {
            notes += await reverseFloatingIPs(query, cloud: cloud, into: &items, limit: limit, cut: &cut)
        }
        let (kept, capped, shortened) = ListOutput.capped(items, maxBytes: context.settings.maxResultBytes)
        notes += shortened
        if cut { notes.append("Cut at \(limit) records per search: raise limit (at most \(maxLimit)) or narrow with type.") }
        if kept.isEmpty {
            notes.append("No record holds '\(query)' in the zones \(allProjects ? "of every project" : "of your project") (project \(try await cloud.token().projectName ?? "-")).")
        }
        return ListOutput.result(
            items: kept, nextCursor: nil, truncated: cut || capped, cloud: cloud.name, region: await cloud.effectiveRegion(), notes: notes)
    }

    /// The searches for an address or a name, in the words of Designate's filters.
    static func searches(for query: String) -> [Search] {
        if isAddress(query) {
            var list = [Search(filters: ["data": .string(query)], matched: "data")]
            if let reverse = reverseName(query) { list.append(Search(filters: ["name": .string(reverse)], matched: "ptr_name")) }
            return list
        }
        let name = query.hasSuffix(".") || query.contains("*") ? query : query + "."
        var list = [Search(filters: ["name": .string(name)], matched: "name"), Search(filters: ["data": .string(name)], matched: "data")]
        // MX and SRV data start with a priority (and weight and port): "10 mail.example.org.".
        if !name.hasPrefix("*") { list.append(Search(filters: ["data": .string("* " + name)], matched: "data")) }
        return list
    }

    /// The PTR records of floating IPs whose address is the query (one read: Designate answers them in one page).
    static func reverseFloatingIPs(
        _ address: String, cloud: OpenStackCloud, into items: inout [JSONValue], limit: Int, cut: inout Bool
    ) async -> [String] {
        let request = (try? ReverseFloatingIP.declaration.listRequest()) ?? ListRequest(service: .dns, path: "reverse/floatingips", collectionKey: "floatingips")
        do {
            let page = try await Pager(cloud: cloud).collect(request, limit: 1000)
            for ptr in page.items.compactMap({ try? ReverseFloatingIP(json: $0) }) where ptr.address == address {
                guard items.count < limit else { cut = true; break }
                items.append(.object(.compact([
                    ("id", .string(ptr.id)), ("name", ptr.ptrdname.json), ("type", "PTR"),
                    ("records", .array([ptr.address.json ?? .null])), ("status", ptr.status.json), ("action", ptr.action.json),
                    ("ttl", ptr.ttl.json), ("matched", "floating_ip_ptr"),
                ])))
            }
            return []
        } catch {
            return ["The PTR records of floating IPs could not be read: \(error)"]
        }
    }

    /// Whether the text is an IPv4 or IPv6 address.
    static func isAddress(_ text: String) -> Bool {
        if text.contains(":") { return text.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." } && text.count >= 2 }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { Int($0).map { (0...255).contains($0) } ?? false }
    }

    /// `10.4.24.172.in-addr.arpa.` for 172.24.4.10; nil for IPv6, whose nibble name is not searched.
    static func reverseName(_ address: String) -> String? {
        guard !address.contains(":") else { return nil }
        return address.split(separator: ".").reversed().joined(separator: ".") + ".in-addr.arpa."
    }
}
