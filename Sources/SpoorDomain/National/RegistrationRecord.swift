import SpoorJSON

/// What leaves the institution about a registration at CoMensha for the national figures: the
/// slachtoffermonitor's dimensions and a keyed pseudonym of the youth, nothing else. The daemon
/// writes it into the registration's event as its public record, so the national hub checks it
/// against the institution's log without seeing anything more (see `PublicRecord`).
///
/// Pseudonymised personal data (AVG art. 4(5), recital 26), not anonymous: the pseudonym is an
/// HMAC under a key only the institution holds, so one youth registered twice by this institution
/// counts once, and a youth registered by two institutions counts twice.
public struct RegistrationRecord: Codable, Sendable, Equatable {
    /// The record's layout; a hub refuses a version it does not know.
    public static let currentVersion = 1
    /// The forms of exploitation a record may name: the national catalogue's. A form an
    /// institution's protocol adds is sent as `unknown`, so that no free text leaves it.
    public static let nationalForms: Set<String> = Set(Catalogue.standard.formsOfExploitation.map(\.id))
    static let ageBands: Set<String> = ["0-11", "12-15", "16-17", "18-23"]

    public var version: Int
    public var kind: RegisteredAtCoMensha.Kind
    public var purpose: RegisteredAtCoMensha.Purpose
    /// The consent state the registration rests on: consent, a waiver, or none (non-identifiable).
    public var basis: RegisteredAtCoMensha.Basis
    /// The registration's month, `YYYY-MM`: the day would narrow the youth down.
    public var month: String
    public var ageBand: String
    public var formsOfExploitation: [String]
    public var gender: YouthProfile.Gender
    public var nationalityGroup: YouthProfile.NationalityGroup
    public var region: String?
    /// 64 hex digits: HMAC-SHA256 of the youth under the institution's pseudonym key.
    public var pseudonym: String
    /// This registration replaces a non-identifiable one of the same youth (one youth, one count).
    public var replacesEarlier: Bool

    /// The record of `registration`, whose youth has `pseudonym`; `nil` for one recorded without analytic fields.
    public init?(_ registration: RegisteredAtCoMensha, pseudonym: String) {
        guard let analytics = registration.analytics else { return nil }
        version = Self.currentVersion
        (kind, purpose, basis) = (registration.kind, registration.effectivePurpose, registration.basis)
        month = String(registration.registeredOn.description.prefix(7))
        ageBand = Statistics.ageGroup(analytics.ageAtFirstSignal)
        let forms = registration.formsOfExploitation.map { Self.nationalForms.contains($0) ? $0 : "unknown" }
        formsOfExploitation = Array(Set(forms)).sorted()
        (gender, nationalityGroup, region) = (analytics.gender, analytics.nationalityGroup, analytics.region)
        self.pseudonym = pseudonym
        replacesEarlier = registration.supersedes != nil
    }

    /// The canonical bytes: compact JSON, keys sorted. One record has one encoding.
    public var bytes: [UInt8] {
        get throws { try JSONValue(encoding: self).serialized }
    }

    /// Why bytes a relay sent are not a record, in words its operator can act on.
    public struct Refusal: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// The record in `bytes`, when they are one exactly: every field known and well formed, no
    /// other field, no free text (the one thing the hub must never receive is personal content),
    /// in canonical form. A region must be one of `regions` when they are given.
    public static func parse(_ bytes: [UInt8], regions: Set<String>? = nil) throws(Refusal) -> RegistrationRecord {
        let record: RegistrationRecord
        do { record = try JSONValueDecoder().decode(RegistrationRecord.self, from: try JSONValue.parse(bytes)) } catch {
            throw Refusal(description: "not a registration record: \(error)")
        }
        guard record.version == currentVersion else { throw Refusal(description: "record version \(record.version) is not \(currentVersion)") }
        guard (try? record.bytes) == bytes else { throw Refusal(description: "not in canonical form, or with fields a record does not have") }
        try record.check(regions: regions)
        return record
    }

    private func check(regions: Set<String>?) throws(Refusal) {
        guard Self.isMonth(month) else { throw Refusal(description: "month \(month) is not YYYY-MM") }
        guard Self.ageBands.contains(ageBand) else { throw Refusal(description: "age band \(ageBand) is not one of \(Self.ageBands.sorted())") }
        guard !formsOfExploitation.isEmpty, formsOfExploitation.allSatisfy(Self.nationalForms.contains) else {
            throw Refusal(description: "forms of exploitation must be from the national catalogue: \(Self.nationalForms.sorted())")
        }
        if let region, let regions, !regions.contains(region) {
            throw Refusal(description: "region \(region) is not the institution's (\(regions.sorted().joined(separator: ", ")))")
        }
        guard pseudonym.utf8.count == 64, pseudonym.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            throw Refusal(description: "the pseudonym is not 64 lower-case hex digits")
        }
    }

    /// Whether `text` is a month `YYYY-MM` of the years the daemon takes (1900 to 2999).
    public static func isMonth(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard text.utf8.count == 7, parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return false }
        return (1900...2999).contains(year) && (1...12).contains(month)
    }
}
