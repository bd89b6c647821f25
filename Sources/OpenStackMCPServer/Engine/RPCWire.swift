import Foundation
import OpenStackKit

/// Writes JSON-RPC messages as compact bytes (one line each: JSON text never holds a raw newline).
enum RPCWire {
    /// `{"id":…,"jsonrpc":"2.0","result":…}` around a result object that is already encoded.
    static func result(id: RPCID, encoded result: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(result.count + 48)
        bytes.append(contentsOf: #"{"id":"#.utf8)
        id.json.write(into: &bytes)
        bytes.append(contentsOf: #","jsonrpc":"2.0","result":"#.utf8)
        bytes.append(contentsOf: result)
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    static func result(id: RPCID, _ result: [String: JSONValue]) -> [UInt8] {
        Self.result(id: id, encoded: JSONValue.object(result).compactBytes())
    }

    /// An error answer; `id` is null when the request's ID could not be read.
    static func error(id: RPCID?, _ error: RPCError) -> [UInt8] {
        var body: [String: JSONValue] = ["code": .int(error.code), "message": .string(error.message)]
        if let data = error.data { body["data"] = data }
        let message: JSONValue = ["jsonrpc": "2.0", "id": id?.json ?? .null, "error": .object(body)]
        return message.compactBytes()
    }

    static func notification(method: String, params: [String: JSONValue]) -> [UInt8] {
        JSONValue.object(["jsonrpc": "2.0", "method": .string(method), "params": .object(params)]).compactBytes()
    }
}
