import Crypto
import Foundation
import SpoorDomain
import SpoorLedger
import SpoorProtocol

/// A case as the inline projection keeps it: the stream version it is folded up to, and the
/// state in its binary form (`CaseState.binary()`), sealed with the case's data key while the
/// case has one. Erasure destroys the key in the transaction that writes the erased state, which
/// is plain: it holds no personal content.
///
/// Bytes: version, u64 big-endian ‖ form, u8 (0 plain, 1 sealed) ‖ state, or AES-256-GCM of it
/// (nonce ‖ ciphertext ‖ tag) authenticated with the case's id.
enum StoredCase {
    static func key(of caseID: String) -> [UInt8] { Array(("case/" + caseID).utf8) }
    static let keyPrefix = Array("case/".utf8)

    static func encode(_ entry: CaseProjection.Entry, sealedWith key: [UInt8]?) throws -> [UInt8] {
        let state = entry.state.binary()
        let bytes = withUnsafeBytes(of: entry.version.bigEndian) { Array($0) }
        guard let key else { return bytes + [0] + state }
        let box = try AES.GCM.seal(state, using: SymmetricKey(data: key), authenticating: Self.context(of: entry.state.caseID))
        return bytes + [1] + box.combined!
    }

    /// The entry stored for `caseID`; `key` opens a sealed one.
    static func decode(_ bytes: [UInt8], caseID: String, key: () throws -> [UInt8]?) throws -> CaseProjection.Entry {
        guard bytes.count > 9 else { throw StoredCaseError.damaged(caseID) }
        let version = bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        var state = Data(bytes[9...])
        switch bytes[8] {
        case 0: break
        case 1:
            guard let key = try key() else { throw StoredCaseError.noKey(caseID) }
            do {
                state = try AES.GCM.open(try AES.GCM.SealedBox(combined: state), using: SymmetricKey(data: key), authenticating: Self.context(of: caseID))
            } catch {
                throw StoredCaseError.damaged(caseID)
            }
        default: throw StoredCaseError.damaged(caseID)
        }
        do {
            return CaseProjection.Entry(state: try CaseState(binary: state), version: version)
        } catch {
            throw StoredCaseError.outdated(caseID)
        }
    }

    private static func context(of caseID: String) -> Data { Data(("spoor case state " + caseID).utf8) }
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
