/// Registration of a (possible) victim at CoMensha, the national registry.
public struct RegisteredAtCoMensha: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case identifiable, nonIdentifiable = "non-identifiable" }
    /// What made an identifiable registration lawful.
    public enum Basis: String, Codable, Sendable { case consent, waiver, none }

    /// The fields that identify a youth: never sent in a non-identifiable registration.
    public static let identifyingFields: Set<String> = ["name", "birth-date", "birthplace", "nationality", "country-of-birth"]
    /// The fields a registration may send.
    public static let allowedFields: Set<String> = identifyingFields.union(["gender", "age", "form-of-exploitation", "organisation", "region"])

    public var kind: Kind
    public var basis: Basis
    public var registeredOn: Day
    public var fieldsSent: [String]
    public var formsOfExploitation: [String]
    public var reference: String?
}

/// The client's own statement added to the dossier.
public struct ClientStatementAdded: Codable, Sendable, Equatable {
    public var addedOn: Day
    /// Sealed: the statement. Required to add one; gone once the case's personal data is erased.
    public var personal: Note?
}

/// Crypto-shredding done: the case's personal content is gone, its skeleton remains.
public struct PersonalDataErased: Codable, Sendable, Equatable {
    public enum Basis: String, Codable, Sendable { case request, retention }
    public var basis: Basis
    public var erasedOn: Day
    /// Why, in the privacy officer's words: the request's reference, or the retention rule applied.
    public var reason: String?
}
