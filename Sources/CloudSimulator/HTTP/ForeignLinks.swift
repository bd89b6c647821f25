/// The `.foreignLinks` fault: the links of an answer as a service behind a proxy writes them, on
/// its internal origin and without the path prefix the proxy (here, the demo cloud's mount) adds.
enum ForeignLinks {
    /// `reply` with every link in `links`, `<collection>_links` and Glance's `next` moved to `origin`.
    static func rewrite(_ reply: Reply, origin: String, request: IncomingRequest, mount: String) -> Reply {
        guard case .json(let json) = reply.body else { return reply }
        var copy = reply
        copy.body = .json(rewrite(json, origin: origin, mounted: request.baseURL + "/" + mount, base: request.baseURL))
        return copy
    }

    private static func rewrite(_ json: JSON, origin: String, mounted: String, base: String) -> JSON {
        switch json {
        case .array(let items):
            return .array(items.map { rewrite($0, origin: origin, mounted: mounted, base: base) })
        case .object(let members):
            return .object(members.map { member in
                let isLinks = member.key == "links" || member.key.hasSuffix("_links")
                switch member.value {
                case .string(let href) where member.key == "next":
                    return JSONMember(key: member.key, value: .string(moved(href, origin, mounted, base)))
                case .array(let links) where isLinks:
                    return JSONMember(key: member.key, value: .array(links.map { link in
                        guard case .string(let href)? = link["href"] else { return link }
                        var copy = link
                        copy.set("href", .string(moved(href, origin, mounted, base)))
                        return copy
                    }))
                case .object(let links) where isLinks:
                    // Keystone's `{"self": …, "next": …, "previous": …}`.
                    return JSONMember(key: member.key, value: .object(links.map { link in
                        guard case .string(let href) = link.value else { return link }
                        return JSONMember(key: link.key, value: .string(moved(href, origin, mounted, base)))
                    }))
                default:
                    return JSONMember(key: member.key, value: rewrite(member.value, origin: origin, mounted: mounted, base: base))
                }
            })
        default:
            return json
        }
    }

    /// `http://127.0.0.1:5050/compute/v2.1/servers?…` and `/v2/images?…` become `origin/v2.1/servers?…`
    /// and `origin/v2/images?…`; links elsewhere stay.
    private static func moved(_ href: String, _ origin: String, _ mounted: String, _ base: String) -> String {
        if href.hasPrefix(mounted + "/") || href == mounted { return origin + href.dropFirst(mounted.count) }
        if href.hasPrefix(base + "/") { return origin + href.dropFirst(base.count) }
        if href.hasPrefix("/") { return origin + href }
        return href
    }
}
