import SpoorDomain
import SpoorLedger

/// A case's ``CaseDigest`` as the inline projection keeps it, under `digest/<id>`: a compact,
/// plain binary form (it holds no personal content) that decodes in microseconds, for the scans
/// of every case that the worklist, the statistics and retention make.
///
/// Bytes, big-endian: form u8 (3) ‖ caseID ‖ unit ‖ gender ‖ nationality group ‖ age i32 ‖
/// flags u8 (open, erased, registered elsewhere) ‖ lastChangedOn i32 ‖ signals ‖ consultations ‖
/// reports ‖ registrations ‖ declined reasons ‖ consent outcome ‖ age at first signal ‖
/// screenings ‖ pending items ‖ legal hold ‖ carers ‖ relationships. Strings carry a u16 length, lists a u16 count, days are day
/// ordinals, optionals a presence byte.
enum StoredDigest {
    static let keyPrefix = Array("digest/".utf8)
    static func key(of caseID: String) -> [UInt8] { keyPrefix + Array(caseID.utf8) }
    private static let form: UInt8 = 3

    static func encode(_ digest: CaseDigest) throws -> [UInt8] {
        var out = Writer()
        out.bytes.write(form)
        try out.strings([digest.caseID, digest.unit, digest.youth.gender.rawValue, digest.youth.nationalityGroup.rawValue])
        out.bytes.write(Int32(clamping: digest.youth.ageAtOpening))
        try out.optional(digest.youth.nationality) { try $0.strings([$1]) }
        out.bytes.write(UInt8((digest.isOpen ? 1 : 0) | (digest.isErased ? 2 : 0) | (digest.registeredElsewhere ? 4 : 0)))
        out.day(digest.lastChangedOn)
        try out.list(digest.activeSignals) { out, signal in
            try out.strings([signal.id])
            out.day(signal.observedOn)
            out.bytes.write(UInt8(signal.step.rawValue))
            try out.list(signal.formsOfExploitation) { try $0.strings([$1]) }
            out.optional(signal.crossBorder) { $0.bytes.write(UInt8($1 ? 1 : 0)) }
        }
        try out.list(digest.consultations) { out, consultation in
            try out.list(consultation.signalIDs) { try $0.strings([$1]) }
            out.day(consultation.heldOn)
        }
        try out.list(digest.reports) { out, report in
            try out.strings([report.id])
            try out.list(report.signalIDs) { try $0.strings([$1]) }
            out.day(report.reportedOn)
        }
        try out.list(digest.registrations) { out, registration in
            out.day(registration.on)
            try out.strings([registration.kind])
        }
        try out.list(digest.declinedReasons) { try $0.strings([$1]) }
        try out.strings([digest.consent.rawValue])
        out.optional(digest.ageAtFirstSignal) { $0.bytes.write(Int32(clamping: $1)) }
        try out.list(digest.screenedOn) { $0.day($1) }
        try out.list(digest.pending) { out, pending in
            try out.strings([pending.kind.rawValue, pending.responsible.rawValue, pending.subject, pending.step.rawValue])
            out.day(pending.since)
            out.day(pending.listFrom)
            out.optional(pending.dueOn) { $0.day($1) }
            out.optional(pending.protocolVersion) { $0.bytes.write(Int32(clamping: $1)) }
        }
        try out.optional(digest.legalHold) { out, hold in
            try out.strings([hold.reason])
            out.optional(hold.until) { $0.day($1) }
        }
        try out.list(digest.carers) { try $0.strings([$1]) }
        try out.list(digest.relationships) { out, relationship in
            try out.strings([relationship.role.rawValue])
            out.day(relationship.until)
        }
        return out.bytes.bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> CaseDigest {
        try bytes.withUnsafeBytes { buffer in
            var reader = Reader(bytes: ByteReader(buffer))
            do {
                let digest = try reader.digest()
                guard reader.bytes.isAtEnd else { throw StoredCaseError.damaged(digest.caseID) }
                return digest
            } catch is ByteReader.Truncated {
                throw StoredCaseError.damaged("with the digest \(bytes.prefix(24))…")
            }
        }
    }

    private struct Writer {
        var bytes = ByteWriter(capacity: 256)

        mutating func strings(_ strings: [String]) throws {
            for string in strings {
                guard string.utf8.count <= UInt16.max else { throw DigestTooLarge() }
                bytes.write(short: string)
            }
        }

        mutating func day(_ day: Day) { bytes.write(Int32(clamping: day.ordinal)) }

        mutating func optional<T>(_ value: T?, _ each: (inout Writer, T) throws -> Void) rethrows {
            bytes.write(UInt8(value == nil ? 0 : 1))
            if let value { try each(&self, value) }
        }

        mutating func list<T>(_ items: [T], _ each: (inout Writer, T) throws -> Void) throws {
            guard items.count <= UInt16.max else { throw DigestTooLarge() }
            bytes.write(UInt16(items.count))
            for item in items { try each(&self, item) }
        }
    }

    private struct Reader {
        var bytes: ByteReader

        mutating func digest() throws -> CaseDigest {
            guard try bytes.read(UInt8.self) == StoredDigest.form else { throw StoredCaseError.outdated("with a digest of another form") }
            let caseID = try string()
            let unit = try string()
            guard let gender = YouthProfile.Gender(rawValue: try string()),
                  let nationality = YouthProfile.NationalityGroup(rawValue: try string())
            else { throw StoredCaseError.damaged(caseID) }
            let age = Int(try bytes.read(Int32.self))
            let youth = YouthProfile(gender: gender, nationalityGroup: nationality, ageAtOpening: age, nationality: try optional { try $0.string() })
            let flags = try bytes.read(UInt8.self)
            let lastChangedOn = try day()
            let signals = try list { reader in
                let id = try reader.string(), observedOn = try reader.day()
                guard let step = CaseState.Step(rawValue: Int(try reader.bytes.read(UInt8.self))) else { throw StoredCaseError.damaged(caseID) }
                let forms = try reader.list { try $0.string() }
                return CaseDigest.Signal(id: id, observedOn: observedOn, step: step, formsOfExploitation: forms,
                                         crossBorder: try reader.optional { try $0.bytes.read(UInt8.self) == 1 })
            }
            let consultations = try list { reader in
                CaseDigest.Consultation(signalIDs: try reader.list { try $0.string() }, heldOn: try reader.day())
            }
            let reports = try list { reader in
                CaseDigest.Report(id: try reader.string(), signalIDs: try reader.list { try $0.string() }, reportedOn: try reader.day())
            }
            let registrations = try list { reader in CaseDigest.Registration(on: try reader.day(), kind: try reader.string()) }
            let declined = try list { try $0.string() }
            guard let consent = CaseDigest.ConsentOutcome(rawValue: try string()) else { throw StoredCaseError.damaged(caseID) }
            let ageAtFirstSignal = try optional { Int(try $0.bytes.read(Int32.self)) }
            let screenedOn = try list { try $0.day() }
            let pending = try list { reader in
                guard let kind = Worklist.Item.Kind(rawValue: try reader.string()), let responsible = Role(rawValue: try reader.string()) else {
                    throw StoredCaseError.damaged(caseID)
                }
                let subject = try reader.string()
                guard let step = InstitutionProtocol.StepKind(rawValue: try reader.string()) else { throw StoredCaseError.damaged(caseID) }
                let since = try reader.day(), listFrom = try reader.day()
                let dueOn = try reader.optional { try $0.day() }
                return CaseDigest.Pending(kind: kind, subject: subject, step: step, since: since, dueOn: dueOn, listFrom: listFrom,
                                          responsible: responsible, protocolVersion: try reader.optional { Int(try $0.bytes.read(Int32.self)) })
            }
            return CaseDigest(
                caseID: caseID, unit: unit, youth: youth, isOpen: flags & 1 != 0, isErased: flags & 2 != 0, lastChangedOn: lastChangedOn,
                activeSignals: signals, consultations: consultations, reports: reports, registrations: registrations,
                registeredElsewhere: flags & 4 != 0, declinedReasons: declined, consent: consent, ageAtFirstSignal: ageAtFirstSignal,
                screenedOn: screenedOn, pending: pending,
                legalHold: try optional { reader in CaseDigest.Hold(reason: try reader.string(), until: try reader.optional { try $0.day() }) },
                carers: try list { try $0.string() },
                relationships: try list { reader in
                    guard let role = Role(rawValue: try reader.string()) else { throw StoredCaseError.damaged(caseID) }
                    return CaseState.Relationship(role: role, until: try reader.day())
                })
        }

        mutating func optional<T>(_ each: (inout Reader) throws -> T) throws -> T? {
            try bytes.read(UInt8.self) == 0 ? nil : try each(&self)
        }

        mutating func string() throws -> String { try bytes.readShortString() }
        mutating func day() throws -> Day { Day(ordinal: Int(try bytes.read(Int32.self))) }

        mutating func list<T>(_ each: (inout Reader) throws -> T) throws -> [T] {
            try (0..<Int(try bytes.read(UInt16.self))).map { _ in try each(&self) }
        }
    }
}

/// A digest field longer than its 16-bit length or count: no valid case comes near it.
struct DigestTooLarge: Error, CustomStringConvertible {
    var description: String { "a field of the case is too large for its digest (65,535 bytes or items at most)" }
}
