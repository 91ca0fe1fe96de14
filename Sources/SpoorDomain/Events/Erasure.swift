import SpoorJSON
/// The youth or a parent asked the institution to destroy the dossier (Jeugdwet art. 7.3.9,
/// AVG art. 17): the institution has three months, unless another's significant interest or the
/// law prevents it. The protocol sets the period and when the worklist reminds the privacy officer.
public struct ErasureRequested: Codable, Sendable, Equatable {
    public var requestedOn: Day
    /// Who asked.
    public var by: ConsentParty
    /// The request's reference, for the privacy officer's file.
    public var reference: String?
}

/// Crypto-shredding done: the case's personal content is gone, its skeleton remains.
public struct PersonalDataErased: Codable, Sendable, Equatable {
    public enum Basis: String, CaseIterable, NamedValues, Codable, Sendable { case request, retention }
    public var basis: Basis
    public var erasedOn: Day
    /// Why, in the privacy officer's words: the request's reference, or the retention rule applied.
    public var reason: String?
}

/// The dossier is kept beyond its retention, or against a request to erase, for a reason from the
/// protocol's list: good care needs it, another's significant interest, or the law (Jeugdwet art.
/// 7.3.8 and 7.3.9). While it holds, nothing erases the case's personal data.
public struct LegalHoldPlaced: Codable, Sendable, Equatable {
    /// An id from the protocol's `retention.holdReasons`.
    public var reason: String
    public var placedOn: Day
    /// The last day it holds; `nil`: until lifted.
    public var until: Day?
    /// Sealed: why, in the privacy officer's words.
    public var personal: Note?

    /// Whether it still holds on `day`.
    public func holds(on day: Day) -> Bool { until.map { day <= $0 } ?? true }
}

public struct LegalHoldLifted: Codable, Sendable, Equatable {
    public var liftedOn: Day
}
