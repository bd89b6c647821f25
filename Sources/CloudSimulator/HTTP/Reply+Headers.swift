/// Header edits that services make after the dispatcher's common headers.
extension Reply {
    /// Drops every header with this name (case-insensitive).
    mutating func removeHeaders(named name: String) {
        headers.removeAll { $0.0.lowercased() == name.lowercased() }
    }

    /// A JSON error body, re-rendered the way webob renders errors for Glance: an HTML page.
    mutating func renderAsHTMLError() {
        guard status >= 400, case .json(let json) = body else { return }
        let title = "\(status) \(reasonPhrase(status))"
        var message = ""
        if case .string(let text)? = json["message"] { message = text }
        body = .text(
            "<html>\n <head>\n  <title>\(title)</title>\n </head>\n <body>\n  <h1>\(title)</h1>\n  \(message)<br /><br />\n\n\n\n </body>\n</html>")
        removeHeaders(named: "Content-Type")
        headers.append(("Content-Type", "text/html; charset=UTF-8"))
    }
}
