import Foundation

/// Reads the message out of the error bodies the services send.
///
/// Nova and Cinder: `{"itemNotFound": {"code": 404, "message": "..."}}`; Neutron:
/// `{"NeutronError": {"type", "message", "detail"}}`; Keystone: `{"error": {"code", "title", "message"}}`;
/// Glance and Placement: `{"errors": [{"title", "detail"}]}` or a plain/HTML text body; Ironic:
/// `{"error_message": "{\"faultstring\": ...}"}`; Barbican: `{"code", "title", "description"}`; Heat:
/// `{"code", "title", "explanation", "error": {"type", "message"}}`; Octavia: `{"faultcode", "faultstring"}`;
/// Aodh: `{"error_message": {"faultstring"}}`; Gnocchi: `{"code", "title", "description"}`.
enum ErrorBody {
    static func parse(_ data: Data) -> String? {
        guard !data.isEmpty else { return nil }
        if let json = try? JSONValue.parse(data) {
            if let message = message(in: json) { return message }
        }
        var text = String(decoding: data.prefix(2000), as: UTF8.self)
        // webob's HTML error page (Glance): the message follows the `<h1>` that repeats the status.
        if let heading = text.range(of: "</h1>") { text = String(text[heading.upperBound...]) }
        let stripped = text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return stripped.isEmpty ? nil : String(stripped.prefix(300))
    }

    private static func message(in json: JSONValue) -> String? {
        if let errors = json["errors"]?.arrayValue, let first = errors.first {
            return first["detail"]?.stringValue ?? first["title"]?.stringValue
        }
        if let members = json.objectValue, members.count == 1, let inner = members.values.first {
            if let message = inner["message"]?.stringValue { return message }
            if let text = inner.stringValue { return fault(in: text) ?? text }
            if let fault = inner["faultstring"]?.stringValue { return fault }  // Aodh's error_message object
        }
        let description = json["description"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        return json["message"]?.stringValue ?? json["error"]?.stringValue ?? json["error"]?["message"]?.stringValue
            ?? json["faultstring"]?.stringValue ?? description ?? json["title"]?.stringValue
    }

    /// Ironic's `{"error_message": "<JSON text>"}`: the fault inside it.
    private static func fault(in text: String) -> String? {
        guard text.hasPrefix("{"), let inner = try? JSONValue.parse(Data(text.utf8)) else { return nil }
        return inner["faultstring"]?.stringValue
    }
}
