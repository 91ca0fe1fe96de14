import Foundation

/// One request line: `{"v":1,"id":"…","method":"…","params":{…}}`.
public struct Request: Codable, Equatable, Sendable {
    public var v: Int
    /// Chosen by the client and echoed in every reply line, so replies can be matched.
    public var id: String
    public var method: Method
    public var params: JSONValue

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
