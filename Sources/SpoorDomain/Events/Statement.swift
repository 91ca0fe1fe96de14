/// The client's own statement added to the dossier.
public struct ClientStatementAdded: Codable, Sendable, Equatable {
    public var addedOn: Day
    /// Sealed: the statement. Required to add one; gone once the case's personal data is erased.
    public var personal: Note?
}
