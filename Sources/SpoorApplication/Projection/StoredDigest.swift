import SpoorDomain
import SpoorLedger

/// A case's ``CaseDigest`` as the inline projection keeps it, in parts as the state is
/// (`CaseDigest+Parts.swift`), beside the case's state: its head under `case/<id>` ‖ 1, and what
/// each part of the state adds under `case/<id>` ‖ 1 ‖ 0 ‖ list ‖ chunk, each a form byte and the
/// domain's binary form. It holds no personal content, so it is not sealed, and it decodes in
/// microseconds, for the reads of many cases that the worklist, the statistics and retention make.
enum StoredDigest {
    static func key(of caseID: String) -> [UInt8] { StoredCase.key(of: caseID, .digest) }

    /// Whether `key`, under `case/`, is a digest's head or one of its parts.
    static func isDigest(_ key: UnsafeRawBufferPointer) -> Bool { StoredCase.beside(in: key) == .digest }

    static func key(of caseID: String, _ part: CaseState.Part) -> [UInt8] { PartedValue.partPrefix(of: key(of: caseID)) + part.name }

    /// 5: in parts (4 was the domain's binary form whole, 3 a hand-written big-endian one).
    private static let form: UInt8 = 5

    /// The digest's head and what the parts named add to it.
    static func records(of state: CaseState, parts: [CaseState.Part]) -> [ProjectionRecord] {
        [ProjectionRecord(key: key(of: state.caseID), value: encode(state.digestHead))]
            + parts.compactMap { part in
                state.digestPart(of: part).map { ProjectionRecord(key: key(of: state.caseID, part), value: encode($0)) }
            }
    }

    static func encode(_ head: CaseDigest) -> [UInt8] { [form] + head.binary() }
    static func encode(_ part: CaseDigest.Part) -> [UInt8] { [form] + part.binary() }

    static func decodeHead(_ bytes: [UInt8]) throws -> CaseDigest {
        try decode(bytes) { try CaseDigest(binary: $0) }
    }

    static func decodePart(_ bytes: [UInt8]) throws -> CaseDigest.Part {
        try decode(bytes) { try CaseDigest.Part(binary: $0) }
    }

    private static func decode<T>(_ bytes: [UInt8], _ body: (ArraySlice<UInt8>) throws -> T) throws -> T {
        guard let first = bytes.first else { throw StoredCaseError.damaged("with an empty digest") }
        guard first == form else { throw StoredCaseError.outdated("with a digest of another form") }
        do {
            return try body(bytes.dropFirst())
        } catch {
            throw StoredCaseError.damaged("with the digest \(bytes.prefix(24))…: \(error)")
        }
    }
}
