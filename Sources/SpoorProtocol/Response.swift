import Foundation

/// One reply line. A plain reply is one line with `done: true`; a streaming reply (`events.tail
/// --follow`, rebuild progress) is lines with `done: false`, then one with `done: true`.
public struct Response: Codable, Equatable, Sendable {
    /// The wire protocol's version (``WireProtocol/version``).
    public var v: Int
    /// The request's id; `null` when the request was too broken to read one.
    public var id: String?
    /// Whether the request succeeded: then `result`, else `error`.
    public var ok: Bool
    /// Whether this is the reply's last line.
    public var done: Bool
    /// The result, when the request succeeded.
    public var result: JSONValue?
    /// The error, when it failed.
    public var error: WireError?

    /// A reply line with every field given.
    public init(v: Int, id: String?, ok: Bool, done: Bool, result: JSONValue?, error: WireError?) {
        self.v = v
        self.id = id
        self.ok = ok
        self.done = done
        self.result = result
        self.error = error
    }

    /// A successful reply line with `result`; with `done: false`, more lines follow.
    public static func success(_ id: String?, _ result: JSONValue, done: Bool = true) -> Response {
        Response(v: WireProtocol.version, id: id, ok: true, done: done, result: result, error: nil)
    }

    /// The failed reply to request `id`: its last line.
    public static func failure(_ id: String?, _ error: WireError) -> Response {
        Response(v: WireProtocol.version, id: id, ok: false, done: true, result: nil, error: error)
    }

    /// The reply as one line, newline included.
    public func line() throws -> Data {
        var json: [String: JSONValue] = ["v": .number(Double(v)), "id": id.map(JSONValue.string) ?? .null, "ok": .bool(ok), "done": .bool(done)]
        if let result { json["result"] = result }
        if let error {
            json["error"] = .object(
                ["code": .string(error.code.rawValue), "message": .string(error.message)]
                    .merging(error.field.map { ["field": .string($0)] } ?? [:]) { $1 })
        }
        var line = JSONValue.object(json).serialized
        line.append(0x0A)
        return Data(line)
    }

    /// Reads a reply line; `nil` when it is not one.
    public init?(line: some Collection<UInt8>) {
        guard let json = try? JSONValue.parse(line), let v = json["v"]?.number, let ok = json["ok"]?.bool,
            let done = json["done"]?.bool
        else { return nil }
        var error: WireError?
        if let failure = json["error"] {
            guard let code = failure["code"]?.string.flatMap(ErrorCode.init), let message = failure["message"]?.string else { return nil }
            error = WireError(code, message, field: failure["field"]?.string)
        }
        self.init(v: Int(v), id: json["id"]?.string, ok: ok, done: done, result: json["result"], error: error)
    }
}
