extension SocketClient {
    /// Calls `method` and reads its reply as `Reply`, strictly: a field the type does not know, or
    /// one missing or mistyped, is a protocol violation naming it, not a silently empty figure.
    public func call<Reply: Decodable>(_ method: Method, _ params: JSONValue = [:], as _: Reply.Type) throws -> Reply {
        try Self.decode(Reply.self, from: try call(method, params), method: method)
    }

    /// `result` as `Reply`; `method` names the reply in an error.
    public static func decode<Reply: Decodable>(_: Reply.Type, from result: JSONValue, method: Method) throws(ClientError) -> Reply {
        do {
            return try JSONValueDecoder().decode(Reply.self, from: result)
        } catch let unknown as JSONValueDecoder.UnknownKey {
            throw .protocolViolation("the daemon's \(method.rawValue) reply has \(unknown.path), which this spoorctl does not know: use the spoorctl of the daemon's version")
        } catch {
            throw .protocolViolation("the daemon's \(method.rawValue) reply does not read as \(Reply.self): \(error)")
        }
    }
}
