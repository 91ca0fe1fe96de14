import ArgumentParser
import SpoorProtocol

/// Each failure has its own exit code (sysexits(3)), so that scripts can tell a refusal from a
/// conflict from a daemon that is down.
extension ClientError {
    var exitCode: ExitCode {
        switch self {
        case .unreachable: ExitCode(69)  // EX_UNAVAILABLE
        case .protocolViolation: ExitCode(76)  // EX_PROTOCOL
        case .daemon(let error): Self.exitCode(error.code)
        }
    }

    static func exitCode(_ code: ErrorCode) -> ExitCode {
        switch code {
        case .badRequest, .frameTooLarge, .unsupportedVersion, .invalidField, .ruleViolated: ExitCode(65)  // EX_DATAERR
        case .notFound: ExitCode(66)  // EX_NOINPUT
        case .unavailable, .busy: ExitCode(69)  // EX_UNAVAILABLE
        case .internal: ExitCode(70)  // EX_SOFTWARE
        case .conflict: ExitCode(75)  // EX_TEMPFAIL: reread and retry
        case .denied: ExitCode(77)  // EX_NOPERM
        }
    }
}
