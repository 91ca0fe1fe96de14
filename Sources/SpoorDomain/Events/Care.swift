/// A named carer takes on the case, or gives it up: with the case's unit, a forward and a
/// consultation, what gives a carer the case's personal content to read (need-to-know).
public struct CarerAssigned: Codable, Sendable, Equatable {
    /// The carer's OS user name, as the daemon knows its peers.
    public var carer: String
    public var assignedOn: Day
}

public struct CarerUnassigned: Codable, Sendable, Equatable {
    public var carer: String
    public var unassignedOn: Day
}
