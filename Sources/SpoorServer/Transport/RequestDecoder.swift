import NIOCore
import SpoorProtocol

/// Reads one request line, saying exactly what is wrong with a bad one, and keeping its id
/// when it has one so the client can match the error to its request.
enum RequestDecoder {
    struct Failure: Error {
        var id: String?
        var error: WireError
    }

    static func decode(_ line: ByteBuffer) -> Result<Request, Failure> {
        let value: JSONValue
        do { value = try JSONValue.parse(line.readableBytesView) } catch {
            return .failure(Failure(id: nil, error: WireError(.badRequest, "the line is not JSON: \(error)")))
        }
        guard let object = value.object else {
            return .failure(Failure(id: nil, error: WireError(.badRequest, "the line is not a JSON object")))
        }
        let id = object["id"]?.string
        func fail(_ code: ErrorCode, _ message: String, field: String) -> Result<Request, Failure> {
            .failure(Failure(id: id, error: WireError(code, message, field: field)))
        }
        guard let version = object["v"]?.number else { return fail(.badRequest, "\"v\" (the protocol version) is missing", field: "v") }
        guard version == Double(WireProtocol.version) else {
            return fail(.unsupportedVersion, "this daemon speaks protocol version \(WireProtocol.version), not \(version)", field: "v")
        }
        guard let id, !id.isEmpty, id.utf8.count <= 128 else {
            return fail(.badRequest, "\"id\" must be a string of 1 to 128 bytes", field: "id")
        }
        guard let name = object["method"]?.string else { return fail(.badRequest, "\"method\" is missing", field: "method") }
        guard let method = SpoorProtocol.Method(rawValue: name) else {
            return fail(
                .badRequest, "\"\(name)\" is not a method; known: \(SpoorProtocol.Method.allCases.map(\.rawValue).joined(separator: ", "))",
                field: "method")
        }
        if let unknown = object.keys.sorted().first(where: { !["v", "id", "method", "params"].contains($0) }) {
            return fail(.badRequest, "a request has no field \"\(unknown)\"", field: unknown)
        }
        let params = object["params"] ?? [:]
        guard params.object != nil else { return fail(.badRequest, "\"params\" must be an object", field: "params") }
        var request = Request(id: id, method: method, params: params)
        request.v = WireProtocol.version
        return .success(request)
    }
}
