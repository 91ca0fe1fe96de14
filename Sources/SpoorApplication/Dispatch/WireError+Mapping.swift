import SpoorDomain
import SpoorLedger
import SpoorProtocol

extension WireError {
    /// A refusal of the domain, with the code a client acts on.
    init(_ error: DomainError) {
        switch error {
        case .invalidField(let field, let problem): self.init(.invalidField, problem, field: field)
        case .notPermitted: self.init(.denied, error.description)
        case .ruleViolated: self.init(.ruleViolated, error.description)
        case .caseNotFound, .signalNotFound, .reportNotFound: self.init(.notFound, error.description)
        case .caseExists: self.init(.conflict, error.description)
        }
    }

    /// A failure of the ledger: conflicts are the client's to retry, the rest is the daemon's.
    init(_ error: LedgerError) {
        switch error {
        case .wrongExpectedVersion, .eventIDConflict, .partialRetry: self.init(.conflict, error.description)
        case .closed: self.init(.unavailable, "the daemon is shutting down")
        case .diskFull, .storage(.mapCapReached), .writesStopped: self.init(.unavailable, error.description)
        case .rebuildRunning: self.init(.busy, error.description)
        case .invalidEvent, .eventTooLarge, .tooManyEvents: self.init(.invalidField, error.description)
        case .beyondTree: self.init(.notFound, error.description)
        default: self.init(.internal, error.description)
        }
    }

    /// Any error met while serving a request.
    static func from(_ error: any Error) -> WireError {
        switch error {
        case let error as WireError: error
        case let error as DomainError: WireError(error)
        case let error as LedgerError: WireError(error)
        default: WireError(.internal, String(describing: error))
        }
    }
}
