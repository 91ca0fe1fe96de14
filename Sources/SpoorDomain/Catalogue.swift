/// The lists the meldcode speaks in, as versioned data: a new form of exploitation (forced
/// marriage, illegal adoption) is a new catalogue version, not a code change.
public struct Catalogue: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public let id: String
        public let label: String
        /// A forward to, or a consultation of, this party makes a registration at CoMensha due (the
        /// care coordinator). The meldcode's triggers are named by this property, not by an id.
        public let callsForRegistration: Bool?

        public init(id: String, label: String, callsForRegistration: Bool? = nil) {
            (self.id, self.label, self.callsForRegistration) = (id, label, callsForRegistration)
        }
    }

    public var version: Int
    public var formsOfExploitation: [Entry]
    public var signalCategories: [Entry]
    public var riskInstruments: [Entry]
    public var consultationParties: [Entry]
    public var forwardingRecipients: [Entry]

    /// The built-in protocol's catalogue.
    public static var standard: Catalogue { InstitutionProtocol.standard.catalogue }

    /// The id a protocol written before triggers were properties makes a forward call for a
    /// registration by; such a protocol's consultations call for none, as they did then.
    static let legacyRegistrationRecipient = "care-coordinator"

    /// Whether the protocol names its triggers by ``Entry/callsForRegistration``.
    var namesTriggers: Bool { (consultationParties + forwardingRecipients).contains { $0.callsForRegistration != nil } }

    /// The entry of `list` for `id` when a forward to it (a consultation of it) makes a registration due.
    func registrationCaller(_ id: String, in list: KeyPath<Catalogue, [Entry]>) -> Entry? {
        guard let entry = self[keyPath: list].first(where: { $0.id == id }) else { return nil }
        guard namesTriggers else { return list == \.forwardingRecipients && id == Self.legacyRegistrationRecipient ? entry : nil }
        return entry.callsForRegistration == true ? entry : nil
    }

    /// Checks that every id in `ids` is in `list`, naming `field` otherwise.
    func check(_ ids: [String], in list: KeyPath<Catalogue, [Entry]>, field: String) throws(DomainError) {
        let known = Set(self[keyPath: list].map(\.id))
        for id in ids where !known.contains(id) {
            throw .invalidField(field, "\"\(id)\" is not in catalogue version \(version)")
        }
    }
}
