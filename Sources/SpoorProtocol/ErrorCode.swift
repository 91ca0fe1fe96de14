/// Why a request failed, for programs; the message says it for people.
public enum ErrorCode: String, Codable, Sendable, CaseIterable {
    /// The line is not JSON, or not a request: missing or mistyped fields, unknown method.
    case badRequest = "bad-request"
    /// The line is longer than ``WireProtocol/maxFrameBytes``.
    case frameTooLarge = "frame-too-large"
    /// The request's `v` is not a version this daemon speaks.
    case unsupportedVersion = "unsupported-version"
    /// A field of the command is invalid: the error names it.
    case invalidField = "invalid-field"
    /// The command breaks a rule of the meldcode or the law.
    case ruleViolated = "rule-violated"
    /// The peer's user has no role that may do this.
    case denied
    /// The case changed under the request, or exists already; reread and retry.
    case conflict
    /// No such case, signal, report or event.
    case notFound = "not-found"
    /// Too many requests in flight on this connection.
    case busy
    /// The daemon is shutting down.
    case unavailable
    /// The daemon failed; the log says why.
    case `internal`
}

/// A failure as the wire carries it.
public struct WireError: Error, Codable, Equatable, Sendable, CustomStringConvertible {
    /// Why it failed, for programs.
    public var code: ErrorCode
    /// Why it failed, for people.
    public var message: String
    /// The field at fault, when one is.
    public var field: String?

    /// The failure `code`, said in `message`, at `field` when one is at fault.
    public init(_ code: ErrorCode, _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    /// The code, the field and the message, in one line.
    public var description: String { field.map { "\(code.rawValue): \($0): \(message)" } ?? "\(code.rawValue): \(message)" }
}
