import SpoorProtocol

extension Dispatcher {
    /// Rewraps every data key under the master key in `newKeyPath`; the old key opens nothing after.
    func rotateKeys(_ params: RotateParams, _ caller: Caller) async throws -> JSONValue {
        let new: MasterKey
        do { new = try MasterKey.load(path: params.newKeyPath) } catch {
            throw WireError(.invalidField, error.description, field: "newKeyPath")
        }
        let rewrapped = try keys.rotate(to: new)
        try await recordInSystemStream("master-key-rotated", ["dataKeys": .number(Double(rewrapped))], by: caller)
        logger.notice("master key rotated: \(rewrapped) data keys rewrapped; install the new key as the credential \(MasterKey.credentialName) before the next start")
        return ["rewrapped": .number(Double(rewrapped))]
    }
}
