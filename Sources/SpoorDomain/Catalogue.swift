/// The lists the meldcode speaks in, as versioned data: a new form of exploitation (forced
/// marriage, illegal adoption) is a new catalogue version, not a code change.
public struct Catalogue: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public let id: String
        public let label: String
    }

    public var version: Int
    public var formsOfExploitation: [Entry]
    public var signalCategories: [Entry]
    public var riskInstruments: [Entry]
    public var consultationParties: [Entry]
    public var forwardingRecipients: [Entry]

    /// The built-in protocol's catalogue.
    public static var standard: Catalogue { InstitutionProtocol.standard.catalogue }

    /// Checks that every id in `ids` is in `list`, naming `field` otherwise.
    func check(_ ids: [String], in list: KeyPath<Catalogue, [Entry]>, field: String) throws(DomainError) {
        let known = Set(self[keyPath: list].map(\.id))
        for id in ids where !known.contains(id) {
            throw .invalidField(field, "\"\(id)\" is not in catalogue version \(version)")
        }
    }
}
