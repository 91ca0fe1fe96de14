extension SocketClient {
    /// Calls `method` and reads its reply as `Reply`, strictly: a field the type does not know, or
    /// one missing or mistyped, is a protocol violation naming it, not a silently empty figure.
    public func call<Reply: Decodable>(_ method: Method, _ params: JSONValue = [:], as _: Reply.Type) throws -> Reply {
        try Self.decode(Reply.self, from: try call(method, params), method: method)
    }

    /// Calls a streaming `method`: each partial line read as `Line` and handed to `line`, then the
    /// last one read as `Reply`, all strictly.
    public func call<Line: Decodable, Reply: Decodable>(
        _ method: Method, _ params: JSONValue = [:], lines _: Line.Type, as _: Reply.Type,
        line: (Line) throws -> Void
    ) throws -> Reply {
        let result = try call(method, params) { partial in try line(try Self.decode(Line.self, from: partial, method: method)) }
        return try Self.decode(Reply.self, from: result, method: method)
    }

    /// `result` as `Reply`; `method` names the reply in an error.
    public static func decode<Reply: Decodable>(_: Reply.Type, from result: JSONValue, method: Method) throws(ClientError) -> Reply {
        do {
            return try JSONValueDecoder().decode(Reply.self, from: result)
        } catch let unknown as JSONValueDecoder.UnknownKey {
            throw .protocolViolation(
                """
                the daemon's \(method.rawValue) reply has \(unknown.path), which this spoorctl does not know: use the spoorctl of the daemon's \
                version
                """
            )
        } catch {
            throw .protocolViolation("the daemon's \(method.rawValue) reply does not read as \(Reply.self): \(error)")
        }
    }
}
