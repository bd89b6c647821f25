import Foundation

/// A URL taken from a service's answer (a `next` link, a version's `self` link), moved onto the
/// catalog endpoint the answer came from, so that the token only ever goes to the catalog's endpoints.
///
/// A service behind a proxy often writes its internal name, its own port or plain `http` into its
/// links: `http://nova-internal:8774/v2.1/servers/detail?marker=…` for the endpoint
/// `https://cloud.example/compute/v2.1`. keystoneauth (under openstacksdk) and gophercloud request
/// such a link as it is, token included; python-neutronclient keeps only its query. Here the request
/// always goes to the endpoint's scheme, host and port, with the link's query and a path under the
/// endpoint's, chosen by the first rule that applies:
/// 1. a link path that already starts with the endpoint's path is kept;
/// 2. else the longest tail of the endpoint's path that the link's path contains (the version, as in
///    `/v2.1/servers/detail`, or `v3/{project_id}`) is where the link's own part begins:
///    `/compute/v2.1` + `/servers/detail`;
/// 3. else the endpoint's version segment in the link marks it (a link without the project ID the
///    endpoint carries): the endpoint's path up to its version, then the rest of the link;
/// 4. else the whole link path goes under the endpoint's path.
///
/// A relative link is first resolved against the URL of the request that answered it (RFC 3986), so
/// Glance's `/v2/images?marker=…` under `https://cloud.example/image/v2` becomes
/// `https://cloud.example/image/v2/images?marker=…` by rule 2.
public struct EndpointLink: Sendable, Equatable {
    /// What to request: the endpoint's origin, a path under the endpoint's, the link's query.
    public var url: String
    /// The link's own `scheme://host[:port]` when it named another origin than the endpoint's.
    public var foreignOrigin: String?

    public init(url: String, foreignOrigin: String? = nil) {
        self.url = url
        self.foreignOrigin = foreignOrigin
    }

    /// `link` moved onto `endpoint`; `requestURL` (default: the endpoint) resolves a relative link.
    /// Nil when the link is not an http or https URL, or the endpoint is not one.
    public static func rebase(_ link: String, onto endpoint: String, from requestURL: String? = nil) -> EndpointLink? {
        guard let base = URLComponents(string: endpoint), let home = Origin(base) else { return nil }
        let context = URL(string: requestURL ?? (endpoint.hasSuffix("/") ? endpoint : endpoint + "/"))
        guard let resolved = URL(string: link, relativeTo: context)?.absoluteURL,
            let target = URLComponents(url: resolved, resolvingAgainstBaseURL: false),
            let theirs = Origin(target)
        else { return nil }
        var url = home.text + path(target.percentEncodedPath, under: base.percentEncodedPath)
        if let query = target.percentEncodedQuery, !query.isEmpty { url += "?" + query }
        return EndpointLink(url: url, foreignOrigin: theirs == home ? nil : theirs.text)
    }

    /// `scheme://host[:port]` of an http or https URL, as written; nil for anything else.
    public static func origin(of url: String) -> String? {
        URLComponents(string: url).flatMap(Origin.init)?.text
    }

    /// Where a link's path goes under the endpoint's path (the rules above).
    static func path(_ linkPath: String, under endpointPath: String) -> String {
        let home = segments(endpointPath)
        let theirs = withoutDotSegments(segments(linkPath))
        var result: [Substring]
        if theirs.starts(with: home) {
            result = theirs
        } else if let (start, length) = longestTail(of: home, in: theirs) {
            result = home + theirs[(start + length)...]
        } else if let version = home.lastIndex(where: isVersion), let index = theirs.firstIndex(of: home[version]) {
            result = Array(home[...version]) + theirs[(index + 1)...]
        } else {
            result = home + theirs
        }
        guard !result.isEmpty else { return "/" }
        return "/" + result.joined(separator: "/") + (linkPath.hasSuffix("/") ? "/" : "")
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// `.` and `..` removed, so that no link climbs out of the endpoint's path.
    private static func withoutDotSegments(_ segments: [Substring]) -> [Substring] {
        var kept: [Substring] = []
        for segment in segments {
            if segment == "." { continue }
            if segment == ".." { _ = kept.popLast() } else { kept.append(segment) }
        }
        return kept
    }

    /// The longest non-empty tail of `home` that occurs in `theirs`, at its first place.
    private static func longestTail(of home: [Substring], in theirs: [Substring]) -> (Int, Int)? {
        for length in stride(from: home.count, through: 1, by: -1) {
            let tail = home.suffix(length)
            guard theirs.count >= length else { continue }
            for start in 0...(theirs.count - length) where theirs[start..<(start + length)].elementsEqual(tail) {
                return (start, length)
            }
        }
        return nil
    }

    static func isVersion(_ segment: Substring) -> Bool {
        segment.range(of: #"^v\d+(\.\d+)?$"#, options: .regularExpression) != nil
    }

    /// Scheme, host and port, compared without case, brackets or a written default port.
    struct Origin: Equatable {
        var scheme: String
        var host: String
        var port: Int
        /// As the URL wrote it: `https://[fd00::1]:8774`.
        var text: String

        init?(_ components: URLComponents) {
            guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
                let written = components.percentEncodedHost, !written.isEmpty
            else { return nil }
            self.scheme = scheme
            host = written.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
            port = components.port ?? (scheme == "https" ? 443 : 80)
            text = "\(components.scheme!)://\(written)" + (components.port.map { ":\($0)" } ?? "")
        }

        static func == (lhs: Origin, rhs: Origin) -> Bool {
            (lhs.scheme, lhs.host, lhs.port) == (rhs.scheme, rhs.host, rhs.port)
        }
    }
}
