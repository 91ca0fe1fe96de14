/// A command refused by the meldcode, the law or the permissions, in words a professional understands.
public enum DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A field of the input is missing, malformed or out of range.
    case invalidField(String, String)
    /// The actor's role may not issue this command.
    case notPermitted(role: Role, command: String)
    /// A rule of the meldcode or the law forbids the command in the case's current state.
    case ruleViolated(rule: String, reason: String)
    case caseNotFound(String)
    case caseExists(String)
    case signalNotFound(String)
    case reportNotFound(String)

    public var description: String {
        switch self {
        case .invalidField(let field, let problem): "\(field): \(problem)"
        case .notPermitted(let role, let command): "a \(role.rawValue) may not \(command)"
        case .ruleViolated(let rule, let reason): "\(reason) (\(rule))"
        case .caseNotFound(let id): "there is no case \(id)"
        case .caseExists(let id): "case \(id) exists already"
        case .signalNotFound(let id): "the case has no signal \(id)"
        case .reportNotFound(let id): "the case has no report \(id) to Veilig Thuis"
        }
    }
}
