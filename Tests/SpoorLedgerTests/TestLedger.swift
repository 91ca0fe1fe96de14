import Foundation
import SpoorLedger
import SpoorProof

/// A fresh folder under the system's temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "spoor-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

let alice = AppendMetadata(actor: .init(uid: 1001, name: "alice"), role: "professional")

func stream(_ name: String) -> StreamName { try! StreamName(name) }

func event(_ type: String = "signal-recorded", _ text: String = "{}", sealed: String? = nil, id: EventID = EventID()) -> ProposedEvent {
    ProposedEvent(id: id, type: type, payload: Array(text.utf8), sealed: sealed.map { Array($0.utf8) })
}

/// Runs `body` with a ledger in a fresh folder, then closes it and removes the folder.
func withLedger<T>(
    _ configuration: LedgerConfiguration = LedgerConfiguration(),
    _ body: (Ledger, TemporaryFolder) async throws -> T
) async throws -> T {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let ledger = try Ledger(path: folder.path, configuration: configuration)
    defer { ledger.close() }
    return try await body(ledger, folder)
}
