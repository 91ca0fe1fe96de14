import Foundation

/// One reply line. A plain reply is one line with `done: true`; a streaming reply (`events.tail
/// --follow`, rebuild progress) is lines with `done: false`, then one with `done: true`.
public struct Response: Codable, Equatable, Sendable {
    public var v: Int
    /// The request's id; `null` when the request was too broken to read one.
    public var id: String?
    public var ok: Bool
    public var done: Bool
    public var result: JSONValue?
    public var error: WireError?

    public static func success(_ id: String?, _ result: JSONValue, done: Bool = true) -> Response {
        Response(v: WireProtocol.version, id: id, ok: true, done: done, result: result, error: nil)
    }

    public static func failure(_ id: String?, _ error: WireError) -> Response {
        Response(v: WireProtocol.version, id: id, ok: false, done: true, result: nil, error: error)
    }

    /// The reply as one line, newline included.
    public func line() throws -> Data {
        var data = try Request.encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
