import Crypto
import Foundation
import SpoorDomain
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// A case as the inline projection keeps it, in parts (`CaseState+Parts.swift`): under
/// `case/<id>` the stream version it is folded up to and the state's head, and under
/// `case/<id>` ‖ 0 ‖ list ‖ chunk (u32 big-endian) each chunk of its lists. Each is sealed on its
/// own with the case's data key while the case has one, so a command seals and writes the head and
/// the parts it changed. Erasure destroys the key in the transaction that writes the erased
/// state, every part of it, which is plain: it holds no personal content. The case's digest and
/// its blind-index entries, which hold none either, follow (``Beside``).
///
/// Head: version, u64 big-endian ‖ form ‖ head. Part: form ‖ elements. Form is a byte, 0 plain or
/// 1 sealed: AES-256-GCM (nonce ‖ ciphertext ‖ tag) authenticated with the case's id and the part's name.
enum StoredCase {
    static let prefix = Array("case/".utf8)
    static func key(of caseID: String) -> [UInt8] { prefix + Array(caseID.utf8) }

    /// The byte after `case/<id>` that starts each kind of the case's other records: they sit
    /// beside its state, so that a command writing a case dirties one leaf of the tree, not one
    /// for each kind (BENCHMARKS.md, session 20). Ids are of `a-z 0-9 . _ -`: none runs into these.
    enum Beside: UInt8 {
        /// The state's parts (``PartedValue/partPrefix(of:)``).
        case parts = 0
        /// The digest (``StoredDigest``), its head and its parts.
        case digest = 1
        /// The blind index's entries of the case (``YouthIndex``).
        case youthEntries = 2
    }

    static func key(of caseID: String, _ beside: Beside) -> [UInt8] { key(of: caseID) + [beside.rawValue] }

    /// Which of a case's records `key` (under `case/`) is: `nil` for the state's head.
    static func beside(in key: UnsafeRawBufferPointer) -> Beside? {
        key.dropFirst(prefix.count).first { $0 < UInt8(ascii: "-") }.flatMap(Beside.init(rawValue:))
    }

    static func key(of caseID: String, _ part: CaseState.Part) -> [UInt8] { PartedValue.partPrefix(of: key(of: caseID)) + part.name }

    /// The part a key of `caseID`'s parts names.
    static func part(named key: [UInt8], of caseID: String) -> CaseState.Part? {
        let prefix = PartedValue.partPrefix(of: Self.key(of: caseID))
        guard key.starts(with: prefix) else { return nil }
        return CaseState.Part(name: key.dropFirst(prefix.count))
    }

    /// The head of `entry` and the parts named, sealed with `key` when given.
    static func records(of entry: CaseProjection.Entry, parts: [CaseState.Part], sealedWith key: [UInt8]?) throws -> [ProjectionRecord] {
        let id = entry.state.caseID
        var records = [
            ProjectionRecord(
                key: Self.key(of: id), value: entry.version.bigEndianBytes + (try seal(entry.state.headBinary(), with: key, context: context(of: id)))
            )
        ]
        for part in parts {
            records.append(
                ProjectionRecord(
                    key: Self.key(of: id, part), value: try seal(entry.state.binary(of: part), with: key, context: context(of: id, part))))
        }
        return records
    }

    /// The entry stored for `caseID`; `key` opens a sealed one.
    static func decode(_ stored: PartedValue, caseID: String, key: () throws -> [UInt8]?) throws -> CaseProjection.Entry {
        let head = stored.value
        guard head.count > 9, let version = head[0..<8].withUnsafeBytes({ UInt64(bigEndianBytes: $0) }) else {
            throw StoredCaseError.damaged(caseID)
        }
        var parts: [CaseState.Part: [UInt8]] = [:]
        for record in stored.parts {
            guard let part = Self.part(named: record.key, of: caseID) else { throw StoredCaseError.damaged(caseID) }
            parts[part] = try open(record.value, key: key, context: context(of: caseID, part), caseID: caseID)
        }
        do {
            let state = try CaseState(head: try open(Array(head[8...]), key: key, context: context(of: caseID), caseID: caseID), parts: parts)
            return CaseProjection.Entry(state: state, version: version)
        } catch is BinaryFormError {
            throw StoredCaseError.outdated(caseID)
        }
    }

    private static func seal(_ bytes: [UInt8], with key: [UInt8]?, context: [UInt8]) throws -> [UInt8] {
        guard let key else { return [0] + bytes }
        return [1] + Array(try AES.GCM.seal(bytes, using: SymmetricKey(data: key), authenticating: context).combined!)
    }

    private static func open(_ stored: [UInt8], key: () throws -> [UInt8]?, context: [UInt8], caseID: String) throws -> [UInt8] {
        switch stored.first {
        case 0: return Array(stored.dropFirst())
        case 1:
            guard let key = try key() else { throw StoredCaseError.noKey(caseID) }
            do {
                return Array(
                    try AES.GCM.open(try AES.GCM.SealedBox(combined: stored.dropFirst()), using: SymmetricKey(data: key), authenticating: context))
            } catch {
                throw StoredCaseError.damaged(caseID)
            }
        default: throw StoredCaseError.damaged(caseID)
        }
    }

    /// The authenticated data of the head's seal: `spoor case state <case>`. Built as bytes, not
    /// interpolated into a `Data`: a rebuild seals every case's head and parts (BENCHMARKS.md session 23).
    private static func context(of caseID: String) -> [UInt8] { contextPrefix + Array(caseID.utf8) }

    /// The authenticated data of a part's seal: `spoor case state <case> part <list> <chunk>`.
    private static func context(of caseID: String, _ part: CaseState.Part) -> [UInt8] {
        context(of: caseID) + Array(" part \(part.list.rawValue) \(part.chunk)".utf8)
    }

    private static let contextPrefix = Array("spoor case state ".utf8)
}

/// Why a stored case could not be read: each calls for `spoorctl projections rebuild`.
enum StoredCaseError: Error, CustomStringConvertible {
    case damaged(String)
    case noKey(String)
    case outdated(String)

    var description: String {
        switch self {
        case .damaged(let id): "the projection of case \(id) is damaged; run spoorctl projections rebuild"
        case .noKey(let id): "the projection of case \(id) is sealed but the case has no data key; run spoorctl projections rebuild"
        case .outdated(let id): "the projection of case \(id) does not decode; run spoorctl projections rebuild"
        }
    }
}
