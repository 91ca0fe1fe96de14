import Foundation

/// One request line: `{"v":1,"id":"…","method":"…","params":{…}}`.
public struct Request: Codable, Equatable, Sendable {
    /// The wire protocol's version (``WireProtocol/version``).
    public var v: Int
    /// Chosen by the client and echoed in every reply line, so replies can be matched.
    public var id: String
    /// The method called.
    public var method: Method
    /// The method's parameters: an object (see `Params.swift`).
    public var params: JSONValue

    /// A request `id` calling `method` with `params`, at this protocol's version.
    public init(id: String, method: Method, params: JSONValue = [:]) {
        self.v = WireProtocol.version
        self.id = id
        self.method = method
        self.params = params
    }

    /// The request as one line, newline included.
    public func line() throws -> Data {
        let json: JSONValue = ["v": .number(Double(v)), "id": .string(id), "method": .string(method.rawValue), "params": params]
        return Data(json.serialized + [0x0A])
    }
}
