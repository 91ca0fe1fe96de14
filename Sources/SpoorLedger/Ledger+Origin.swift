extension Ledger {
    /// The log's name in its checkpoints, as the store keeps it from the first time it was named;
    /// `nil` until then.
    public func origin() throws -> String? {
        try snapshot { txn in try txn.value(in: store.meta, key: LedgerStore.originName).map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Names the log, durably. A store keeps its first name: every auditor's key and checkpoint
    /// name it, so naming it again otherwise is refused.
    public func name(origin: String) throws {
        try write { txn in
            if let kept = try txn.value(in: store.meta, key: LedgerStore.originName), kept != Array(origin.utf8) {
                throw LedgerError.originKept(String(decoding: kept, as: UTF8.self))
            }
            try txn.put(Array(origin.utf8), key: LedgerStore.originName, in: store.meta)
        }
    }
}

extension LedgerStore {
    static let originName = Array("origin".utf8)
}
