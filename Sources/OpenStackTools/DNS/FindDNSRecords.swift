import Foundation
import OpenStackKit

/// `find_dns_records`: the recordsets that hold an IP address or a name, across the zones the
/// caller sees. An address is looked for in the records' data (A and AAAA), as the name of its
/// PTR record and among the PTR records of floating IPs; a name as a recordset's name and in the
/// data that points at it (CNAME, MX, SRV, PTR). Each search reads at most the records up to the
/// end of the asked page; the cursor is the offset in the merged answer.
enum FindDNSRecords {
    /// The most records one answer's searches read together (offset and page): a bound on the
    /// upstream reads a deep cursor may cause.
    static let maxWindow = 5000

    static var definition: ToolDefinition {
        var properties = Schema.listProperties(noun: "record")
        properties["query"] = Schema.string("IP address or DNS name; * is a wildcard")
        properties["type"] = Schema.string("Only this record type, e.g. A or PTR")
        properties["all_projects"] = Schema.boolean("Every project (admin)", default: false)
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
        let limit = try arguments.int("limit", default: 100, range: 1...1000)
        let detail = try arguments.detailLevel()
        let filter = try arguments.string("filter")?.lowercased()
        let offset = try arguments.string("cursor").map { try Cursor.decode($0, tool: "find_dns_records") }.flatMap { Int($0) } ?? 0
        let window = offset + limit
        guard window <= maxWindow else {
            throw ToolArgumentError(argument: "cursor", problem: "past the first \(maxWindow) records; narrow the query or pass type")
        }
        let type = try arguments.string("type")?.uppercased()
        let allProjects = try arguments.bool("all_projects", default: false)
        let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
        var found: [(json: JSONValue, matched: String)] = []
        var seen = Set<String>()
        var more = false
        for search in searches(for: query) {
            var filters = search.filters
            if let type { filters["type"] = .string(type) }
            let request = try Recordset.declaration.listRequest(filters, allProjects: allProjects)
            let page = try await Pager(cloud: cloud).collect(request, limit: window)
            if page.nextMarker != nil { more = true }
            for json in page.items {
                guard let id = json["id"]?.stringValue, seen.insert(id).inserted else { continue }
                found.append((json, search.matched))
            }
        }
        var notes: [String] = []
        if isAddress(query), type == nil || type == "PTR" {
            do {
                // The same PTR, already found as a recordset under its in-addr.arpa name, is not repeated.
                let known = Set(found.filter { $0.json["type"]?.stringValue == "PTR" }.flatMap { $0.json["records"]?.arrayValue ?? [] })
                found += try await floatingIPPointers(query, cloud: cloud)
                    .filter { !known.contains($0["name"] ?? .null) }.map { ($0, "floating_ip_ptr") }
            } catch {
                notes.append("The PTR records of floating IPs could not be read: \(error)")
            }
        }
        let matching = found.filter { item in
            guard let filter else { return true }
            return item.json.compactText().lowercased().contains(filter)
        }
        if matching.count > window { more = true }
        let page = Array(matching.dropFirst(offset).prefix(limit))
        let projected = page.map { project($0.json, matched: $0.matched, detail) }
        let (kept, capped, shortened) = ListOutput.capped(projected, maxBytes: context.settings.maxResultBytes)
        notes += shortened
        let next = capped ? offset + kept.count : more ? window : nil
        if kept.isEmpty && offset == 0 {
            notes.append("No record holds '\(query)' in the zones \(allProjects ? "of every project" : "of your project") (project \(try await cloud.token().projectName ?? "-")).")
        }
        return ListOutput.result(
            items: kept, nextCursor: next.map { Cursor.encode(tool: "find_dns_records", marker: String($0)) }, truncated: capped,
            cloud: cloud.name, region: await cloud.effectiveRegion(), notes: notes)
    }

    /// A found record at the asked detail, with what matched.
    static func project(_ json: JSONValue, matched: String, _ detail: DetailLevel) -> JSONValue {
        guard let recordset = try? Recordset(json: json) else { return json }
        var columns: [String: JSONValue]
        switch detail {
        case .full: columns = Redactor.redact(json, fields: Recordset.secretFields).objectValue ?? [:]
        case .basic: columns = GetRecordsets.basicColumns(recordset, Lookups())
        case .detailed:
            columns = GetRecordsets.basicColumns(recordset, Lookups()).merging(GetRecordsets.detailedColumns(recordset, Lookups())) { $1 }
        }
        columns["matched"] = .string(matched)
        return .object(columns)
    }

    /// The PTR records of floating IPs whose address is the query, as recordsets (one read:
    /// Designate answers them in one page).
    static func floatingIPPointers(_ address: String, cloud: OpenStackCloud) async throws -> [JSONValue] {
        let page = try await Pager(cloud: cloud).collect(try ReverseFloatingIP.declaration.listRequest(), limit: 1000)
        return page.items.compactMap { try? ReverseFloatingIP(json: $0) }.filter { $0.address == address && $0.ptrdname != nil }.map { ptr in
            .object(.compact([
                ("id", .string(ptr.id)), ("name", ptr.ptrdname.json), ("type", "PTR"),
                ("records", .array([.string(address)])), ("status", ptr.status.json), ("action", ptr.action.json),
                ("ttl", ptr.ttl.json), ("description", ptr.description.json),
            ]))
        }
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
