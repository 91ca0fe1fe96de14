import SpoorDomain

/// A case's ``CaseDigest`` as the inline projection keeps it, under `digest/<id>`: a form byte,
/// then the digest in the domain's binary form. It holds no personal content, so it is not sealed,
/// and it decodes in microseconds, for the scans of every case that the worklist, the statistics
/// and retention make.
enum StoredDigest {
    static let keyPrefix = Array("digest/".utf8)
    static func key(of caseID: String) -> [UInt8] { keyPrefix + Array(caseID.utf8) }
    /// 4: the domain's binary form (3 was a hand-written big-endian one).
    private static let form: UInt8 = 4

    static func encode(_ digest: CaseDigest) -> [UInt8] { [form] + digest.binary() }

    static func decode(_ bytes: [UInt8]) throws -> CaseDigest {
        guard let first = bytes.first else { throw StoredCaseError.damaged("with an empty digest") }
        guard first == form else { throw StoredCaseError.outdated("with a digest of another form") }
        do {
            return try CaseDigest(binary: bytes.dropFirst())
        } catch {
            throw StoredCaseError.damaged("with the digest \(bytes.prefix(24))…: \(error)")
        }
    }
}
