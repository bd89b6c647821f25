/// `limit` and `marker` over an ordered list, as Heat, Octavia and Swift page: the page after the
/// marker, and whether more items follow it.
enum SimplePaging {
    enum Outcome<Item> {
        case page([Item], more: Bool)
        /// The marker names no item (Heat and Octavia answer 400 or 404).
        case unknownMarker
        case badLimit(String)
    }

    static func page<Item>(_ items: [Item], key: (Item) -> String, request: IncomingRequest, defaultLimit: Int = 1000) -> Outcome<Item> {
        var limit = defaultLimit
        if let text = request.query.first("limit") {
            guard let parsed = Int(text), parsed >= 0 else { return .badLimit(text) }
            limit = parsed == 0 ? defaultLimit : parsed
        }
        var rest = items[...]
        if let marker = request.query.first("marker") {
            guard let index = items.firstIndex(where: { key($0) == marker }) else { return .unknownMarker }
            rest = items[(index + 1)...]
        }
        return .page(Array(rest.prefix(limit)), more: rest.count > limit)
    }
}
